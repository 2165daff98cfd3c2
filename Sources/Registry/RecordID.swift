/// A typed identifier: `Person.ID` and `Body.ID` are different types, so a reference
/// to the wrong kind of record, or to one never declared, does not compile.
///
/// IDs are declared once in `Data/`, next to the records they name:
///
///     extension Person.ID {
///         public static let agnetaFristedt = Person.ID("agneta-fristedt")
///     }
///
/// The raw value is the stable key behind calendar UIDs, slugs and JSON, so it never
/// changes once published. It is deliberately not a string literal type: a reference
/// has to go through a declared name.
public struct RecordID<Record>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (a: RecordID, b: RecordID) -> Bool { a.rawValue < b.rawValue }
}

/// Where a record was written, so that a validation error can name `Data/People.swift:42`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The absolute path the compiler saw (`#filePath`).
    public let filePath: String
    public let line: Int

    public init(filePath: String, line: Int) {
        self.filePath = filePath
        self.line = line
    }

    /// The path from the package root (`Data/People.swift`) when the file lies under one
    /// of the package's top-level folders; the full path otherwise.
    public var path: String {
        let components = filePath.split(separator: "/", omittingEmptySubsequences: false)
        guard let root = components.lastIndex(where: { ["Data", "Tests", "Sources"].contains($0) })
        else { return filePath }
        return components[root...].joined(separator: "/")
    }

    public var description: String { "\(path):\(line)" }
}

/// A record type the registry stores: it has a typed ID and remembers where it was written.
public protocol Record: Sendable {
    var id: RecordID<Self> { get }
    var location: SourceLocation { get }
    /// The document and item the record's facts come from.
    var source: Source { get }
}
