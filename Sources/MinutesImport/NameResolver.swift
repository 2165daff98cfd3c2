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

    /// A person among the registry's and `extra` (people drafted earlier in the same import).
    public func person(_ text: String, extra: [Person] = []) -> NameResolution<Person.ID> {
        resolve(text, registry.people + extra, names: { [$0.name] }, id: \.id, display: \.name)
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
        switch matcher.match(text) {
        case .found(let record): return .loose(id(record), name: display(record))
        case .ambiguous, .notFound: break
        }
        guard let nearest = matcher.nearest(text, limit: 1, nearOnly: true).first else { return .unknown }
        return .loose(id(nearest), name: display(nearest))
    }
}
