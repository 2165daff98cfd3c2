/// A person named in the registry.
public struct Person: Record, Hashable {
    public typealias ID = RecordID<Person>

    public let id: ID
    public let name: String
    /// A work address that is already public (e.g. printed on minutes).
    public let email: String?
    /// Never published: kept for the secretariat's own use.
    public let phone: Internal<String>?
    /// Never published: kept for the secretariat's own use.
    public let note: Internal<String>?
    /// False for someone who does not want their schedule published: they get no personal
    /// feed and no page of their own (`Person(…, schedulePublished: false)` in `Data/`).
    public let schedulePublished: Bool
    public let source: Source
    public let location: SourceLocation

    public init(
        _ id: ID, name: String, email: String? = nil, phone: Internal<String>? = nil,
        note: Internal<String>? = nil, schedulePublished: Bool = true, source: Source,
        filePath: String = #filePath, line: Int = #line
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.note = note
        self.schedulePublished = schedulePublished
        self.source = source
        self.location = SourceLocation(filePath: filePath, line: line)
    }
}

/// A value for the secretariat's eyes only. It has no public accessor, prints as
/// `[internal]`, and is not `Encodable`, so no export or API response can carry it by
/// accident; code that truly needs it must say `revealInternalValue()`.
public struct Internal<Value: Hashable & Sendable>: Hashable, Sendable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    private let value: Value

    public init(_ value: Value) { self.value = value }

    public func revealInternalValue() -> Value { value }

    public var description: String { "[internal]" }
    public var debugDescription: String { "[internal]" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
