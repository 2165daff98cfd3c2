public import CalendarFeeds
public import Registry

/// The query of `/feeds/custom.ics`, validated and made canonical.
///
/// `kind` takes a comma-separated list (and may repeat); `municipality`, `body` and
/// `person` take one slug each (`person` only of someone with a personal feed). Unknown parameters, unknown values, and repeated single values are
/// refused with a message naming what is allowed.
public enum FeedQuery {
    public static let parameters = ["kind", "municipality", "body", "person"]

    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// - Parameters:
    ///   - query: The raw query string (after `?`), or nil.
    ///   - registry: Where municipality and body slugs are looked up.
    public static func selection(_ query: String?, in registry: Registry) throws(Invalid) -> FeedSelection {
        let parameters: QueryParameters
        do {
            parameters = try QueryParameters(query, allowed: Self.parameters, repeatable: ["kind"])
        } catch {
            throw Invalid(description: error.description)
        }
        var kinds: Set<Event.Kind> = []
        for value in parameters.all("kind") {
            for name in value.split(separator: ",", omittingEmptySubsequences: false) {
                guard let kind = Event.Kind(rawValue: String(name)) else {
                    throw Invalid(
                        description: "Okänt värde för kind: \"\(QueryParameters.clip(name))\". Tillåtna: "
                            + Event.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                }
                kinds.insert(kind)
            }
        }
        var municipality: Municipality.ID?
        if let value = parameters["municipality"] {
            guard !value.isEmpty,
                let found = registry.municipalities.first(where: { $0.slug == Text.slug(value) })
            else {
                let slugs = registry.municipalities.map(\.slug).joined(separator: ", ")
                throw Invalid(
                    description: "Okänd kommun: \"\(QueryParameters.clip(value))\". Tillåtna: \(slugs).")
            }
            municipality = found.id
        }
        var body: Body.ID?
        if let value = parameters["body"] {
            guard !value.isEmpty, let found = registry.bodies.first(where: { $0.slug == Text.slug(value) })
            else {
                let slugs = registry.bodies.map(\.slug).joined(separator: ", ")
                throw Invalid(
                    description: "Okänt organ: \"\(QueryParameters.clip(value))\". Tillåtna: \(slugs).")
            }
            body = found.id
        }
        var person: Person.ID?
        if let value = parameters["person"] {
            let holders = registry.personalFeedHolders
            guard !value.isEmpty, let found = holders.first(where: { $0.id.rawValue == Text.slug(value) })
            else {
                throw Invalid(
                    description: "Okänd person: \"\(QueryParameters.clip(value))\". Tillåtna: "
                        + holders.map(\.id.rawValue).joined(separator: ", ") + ".")
            }
            person = found.id
        }
        return FeedSelection(
            kinds: kinds.isEmpty ? Set(Event.Kind.allCases) : kinds, municipality: municipality, body: body,
            person: person)
    }
}
