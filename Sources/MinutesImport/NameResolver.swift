public import Registry

/// How a name in the minutes was matched to the registry.
public enum NameResolution<ID: Hashable & Sendable>: Sendable, Equatable {
    /// The name, folded, is one the record answers to.
    case exact(ID)
    /// The nearest record, not an exact name: the reviewer should check it.
    case loose(ID, name: String)
    /// No record answers to it.
    case unknown

    public var id: ID? {
        switch self {
        case .exact(let id), .loose(let id, _): id
        case .unknown: nil
        }
    }
}

/// Matches names as minutes write them to the registry's municipalities, bodies and
/// people, tolerating case, diacritics, a cut-off end ("Åstor") and small misspellings,
/// and says when a match is not exact.
public struct NameResolver: Sendable {
    let registry: Registry

    public init(_ registry: Registry) {
        self.registry = registry
    }

    public func municipality(_ text: String) -> NameResolution<Municipality.ID> {
        let records = registry.municipalities
        let names: (Municipality) -> [String] = { [$0.name, $0.officialName, $0.id.rawValue] + $0.aliases }
        return resolve(text, records, names: names, id: \.id, display: \.name)
    }

    public func body(_ text: String) -> NameResolution<Body.ID> {
        resolve(text, registry.bodies, names: { [$0.name, $0.id.rawValue] }, id: \.id, display: \.name)
    }

    /// A person among the registry's and `extra` (people drafted earlier in the same import):
    /// the exact name, or one a few letters off ("Agneta Fristed"). Not a prefix or a part
    /// of a name, as for places: "Anna Berg" is not "Pernilla Anderberg".
    public func person(_ text: String, extra: [Person] = []) -> NameResolution<Person.ID> {
        let people = registry.people + extra
        let wanted = Array(Text.slug(text))
        guard !wanted.isEmpty else { return .unknown }
        if let exact = people.first(where: { Array(Text.slug($0.name)) == wanted }) {
            return .exact(exact.id)
        }
        let limit = min(2, wanted.count / 6)
        let near = people.map { ($0, NameResolver.distance(wanted, Array(Text.slug($0.name)))) }
            .filter { $0.1 <= limit }.min { $0.1 < $1.1 }
        return near.map { .loose($0.0.id, name: $0.0.name) } ?? .unknown
    }

    /// The edit distance between two folded names.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Exact when a folded name equals the text; otherwise the matcher's single answer, or
    /// the nearest name within a few edits.
    func resolve<R, ID>(
        _ text: String, _ records: [R], names: @escaping (R) -> [String], id: (R) -> ID,
        display: (R) -> String
    ) -> NameResolution<ID> {
        let wanted = Text.slug(text)
        guard !wanted.isEmpty else { return .unknown }
        if let exact = records.first(where: { names($0).contains { Text.slug($0) == wanted } }) {
            return .exact(id(exact))
        }
        let matcher = NameMatcher(records, names: names)
        if case .found(let record) = matcher.match(text) { return .loose(id(record), name: display(record)) }
        guard let nearest = matcher.nearest(text, limit: 1, nearOnly: true).first else { return .unknown }
        return .loose(id(nearest), name: display(nearest))
    }
}
