/// A lookup that found nothing, or more than one thing: what a person typed, and the
/// names that might be what they meant. Its `description` is one line for stderr.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: String, Hashable, Sendable {
        /// Nothing answers to the name; `candidates` are the closest names.
        case notFound
        /// Several records answer to the name; `candidates` are all of them.
        case ambiguous
        /// Nothing answers and nothing is close; `candidates` are every known name.
        case notFoundListingAll
        /// Nothing answers and nothing is close; `candidates` are the least far names.
        case notFoundListingNearest
    }

    public let reason: Reason
    /// What was looked for: "municipality", "person", "body", "meeting".
    public let kind: String
    public let query: String
    public let candidates: [String]

    public init(_ reason: Reason, kind: String, query: String, candidates: [String]) {
        self.reason = reason
        self.kind = kind
        self.query = query
        self.candidates = candidates
    }

    /// "no municipality 'Malmo'; known municipalities: Helsingborg, …",
    /// "no person 'Kalle'; did you mean Karl Lundberg?",
    /// "'ander' matches more than one person: Pernilla Anderberg, Sofia Andersson Widen".
    public var description: String {
        switch reason {
        case .notFound where candidates.isEmpty:
            "no \(kind) '\(query)'"
        case .notFound:
            "no \(kind) '\(query)'; did you mean \(QueryError.orList(candidates))?"
        case .notFoundListingAll:
            "no \(kind) '\(query)'; known \(QueryError.plural(kind)): \(candidates.joined(separator: ", "))"
        case .notFoundListingNearest:
            "no \(kind) '\(query)'; the closest names are \(candidates.joined(separator: ", "))"
        case .ambiguous:
            "'\(query)' matches more than one \(kind): \(candidates.joined(separator: ", "))"
        }
    }

    private static func orList(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    private static func plural(_ kind: String) -> String {
        switch kind {
        case "municipality": "municipalities"
        case "body": "bodies"
        case "person": "people"
        default: kind + "s"
        }
    }
}
