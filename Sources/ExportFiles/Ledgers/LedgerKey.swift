public import CalendarFeeds
import Registry

/// A line of the event ledger: an event's UID, a municipality's own wording of it
/// (`UID#municipalities/SLUG`), which that municipality's feed carries with its own
/// SEQUENCE, or a person's (`UID#people/SLUG`), which their personal feed carries.
public struct LedgerKey: Hashable, Sendable, CustomStringConvertible {
    // A ledger keeps a key per event, so a key holds no storage of its own: a registry UID
    // as its kind and the record's ID (the registry's own string), and one slug and whose it is.
    /// The record ID of a registry UID; the whole UID when it is not one of the registry's.
    private let record: String
    private let slug: String
    /// The kind of a registry UID; nil when `record` is the whole UID.
    private let kind: Event.Kind?
    private let wording: Wording

    private enum Wording: UInt8, Hashable, Sendable {
        case shared, municipality, person
    }

    private init(record: String, kind: Event.Kind?, slug: String, wording: Wording) {
        self.record = record
        self.kind = kind
        self.slug = slug
        self.wording = wording
    }

    private init(_ uid: EventUID?, text: @autoclosure () -> String, slug: String, wording: Wording) {
        // A UID that would not read back as its parts is kept as text, so that the key
        // made from the parts and the one read from the file are equal.
        if let uid, !uid.recordID.isEmpty {
            self.init(record: uid.recordID, kind: uid.kind, slug: slug, wording: wording)
        } else {
            self.init(record: text(), kind: nil, slug: slug, wording: wording)
        }
    }

    public init(uid: EventUID, municipality: String? = nil) {
        self.init(
            uid, text: uid.description, slug: municipality ?? "",
            wording: municipality == nil ? .shared : .municipality)
    }

    public init(uid: EventUID, person: String) {
        self.init(uid, text: uid.description, slug: person, wording: .person)
    }

    /// The key of a UID as text: one of the registry's equals the key made from its parts.
    public init(uid: String, municipality: String? = nil) {
        self.init(
            EventUID(uid), text: uid, slug: municipality ?? "",
            wording: municipality == nil ? .shared : .municipality)
    }

    public init(uid: String, person: String) {
        self.init(EventUID(uid), text: uid, slug: person, wording: .person)
    }

    /// The UID as the registry's parts; nil when it is not one of the registry's.
    public var eventUID: EventUID? { kind.map { EventUID(kind: $0, recordID: record) } }

    /// The UID as feeds carry it.
    public var uid: String { eventUID?.description ?? record }

    /// The municipality's slug, for its own wording; nil otherwise.
    public var municipality: String? { wording == .municipality ? slug : nil }

    /// The person's slug, for their personal feed's wording; nil otherwise.
    public var person: String? { wording == .person ? slug : nil }

    /// Whether the line is a feed's own wording rather than the shared one.
    public var isVariant: Bool { wording != .shared }

    /// The event's shared line: this key without its municipality or person.
    public var shared: LedgerKey { LedgerKey(record: record, kind: kind, slug: "", wording: .shared) }

    public var description: String {
        if let municipality { return uid + Self.municipalityMarker + municipality }
        if let person { return uid + Self.personMarker + person }
        return uid
    }

    /// The key `description` wrote: a UID, or a UID and a municipality or person.
    public init(_ text: some StringProtocol) {
        if text.utf8.contains(UInt8(ascii: "#")) {
            if let marker = text.firstRange(of: Self.municipalityMarker) {
                self.init(
                    uid: String(text[..<marker.lowerBound]), municipality: String(text[marker.upperBound...]))
                return
            }
            if let marker = text.firstRange(of: Self.personMarker) {
                self.init(uid: String(text[..<marker.lowerBound]), person: String(text[marker.upperBound...]))
                return
            }
        }
        self.init(uid: String(text))
    }

    private static let municipalityMarker = "#municipalities/"
    private static let personMarker = "#people/"
}
