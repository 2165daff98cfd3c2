/// A fact the registry states that its source does not say in so many words: a name the
/// registry gave a group the minutes only call "Arbetsgruppen", a role it read between
/// the lines. The field keeps its value and says why it is there, so readers see it is
/// the registry's, not the source's.
///
///     add(Body(.energyNetwork, name: "Energinätverket", …,
///              inferred: [Inferred("name", because: "Protokollet säger ”ett formellt nätverk”.")]))
///
/// `samverkan validate` counts these marks. JSON, Popolo and CSV carry them as data
/// (`inferred`, with the reason); pages show a quiet mark; where a format has room only for
/// text (a calendar's SUMMARY or name) the value is followed by `Inferred.marker`:
/// "Energinätverket (tolkning)".
public struct Inferred: Hashable, Sendable {
    /// The field that is inferred, by its name in the record's initializer: "name", "role".
    public let field: String
    /// One line, in Swedish: why the registry says it although the source does not.
    public let reason: String

    public init(_ field: String, because reason: String) {
        self.field = field
        self.reason = reason
    }

    /// What readers see after an inferred value where only text fits: " (tolkning)".
    ///
    /// "Tolkning" (the registry's reading) is a noun, so it agrees with any value, and it
    /// cannot be read as "antagen", which in municipal Swedish means formally adopted.
    public static let word = "tolkning"
    public static let marker = " (\(word))"
}

/// A record that can mark some of its fields as inferred.
public protocol InferringRecord: Record {
    /// The fields the registry inferred, with the reason for each.
    var inferred: [Inferred] { get }
    /// The names of the fields that can be marked, as the initializer spells them.
    static var inferrableFields: [String] { get }
}

extension InferringRecord {
    /// Whether `field` is marked inferred.
    public func isInferred(_ field: String) -> Bool { inferred.contains { $0.field == field } }

    /// `value` as readers see it: with " (tolkning)" after it when `field` is inferred.
    public func displayed(_ value: String, field: String) -> String {
        isInferred(field) ? value + Inferred.marker : value
    }
}

extension Body: InferringRecord {
    public static var inferrableFields: [String] { ["name", "kind", "lifecycle", "parent", "purpose"] }

    /// The name as readers see it: "Energinätverket (tolkning)" when the name is inferred.
    public var displayName: String { displayed(name, field: "name") }

    /// The name as it reads mid-sentence: a collaboration's own body is named by what it
    /// is, in lower case ("börjar i sekretariatet", "arbetsgruppen för personalutbildning
    /// (tolkning)"); an outside organisation's name, and one that starts with an
    /// abbreviation ("HR-cheferna", "E.ON"), stay as written.
    public var nameInSentence: String {
        var text = name
        let letters = Array(name.prefix(2))
        if kind != .external, letters.count == 2, letters[0].isUppercase, letters[1].isLowercase {
            text = letters[0].lowercased() + name.dropFirst()
        }
        return displayed(text, field: "name")
    }
}

extension Membership: InferringRecord {
    public static var inferrableFields: [String] { ["body", "role", "municipality", "from", "to", "acting"] }

    /// The role as readers see it: "tf sekretariatschef", "kommundirektör (tolkning)" when the
    /// role, or the seat in the body at all, is inferred.
    public var roleLabel: String { (acting ? "tf " : "") + roleTitle }

    /// The role's title as readers see it, without "tf": "kommundirektör (tolkning)" when
    /// the role, or the seat in the body at all, is inferred.
    public var roleTitle: String { roleInference == nil ? role.title : role.title + Inferred.marker }

    /// Why the registry states the role, or the seat in the body at all, when it does.
    public var roleInference: String? {
        inferred.first { ["role", "body", "acting"].contains($0.field) }?.reason
    }
}

extension Meeting: InferringRecord {
    public static var inferrableFields: [String] { ["title", "time", "place", "remote", "agenda", "status"] }
}

extension Decision: InferringRecord {
    public static var inferrableFields: [String] { ["item", "title", "deadline", "actors"] }
}

extension StaffAppointment: InferringRecord {
    public static var inferrableFields: [String] { ["body", "title", "starts", "ends"] }

    /// Why the registry states this post, or the body it is in, when its source does not
    /// ("the minutes report it under the secretariat's item"); nil otherwise.
    public var roleInference: String? {
        inferred.first { ["body", "title"].contains($0.field) }?.reason
    }
}

extension ActionResponse: InferringRecord {
    public static var inferrableFields: [String] { ["answer", "on"] }
}

extension Registry {
    /// Every inferred mark in the registry, with the record that carries it.
    public var inferredFacts: [(record: String, location: SourceLocation, mark: Inferred)] {
        func marks(_ records: [some InferringRecord], _ kind: String) -> [(String, SourceLocation, Inferred)]
        {
            records.flatMap { record in
                record.inferred.map { ("\(kind) '\(record.id.rawValue)'", record.location, $0) }
            }
        }
        return marks(bodies, "body") + marks(memberships, "membership") + marks(meetings, "meeting")
            + marks(decisions, "decision") + marks(appointments, "appointment")
            + marks(actionResponses, "response")
    }
}
