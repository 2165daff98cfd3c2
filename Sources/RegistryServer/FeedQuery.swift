public import CalendarExport
public import Registry

/// The query of `/feeds/custom.ics`, validated and made canonical.
///
/// `kind` takes a comma-separated list (and may repeat); `municipality` and `body` take
/// one slug each. Unknown parameters, unknown values, and repeated single values are
/// refused with a message naming what is allowed.
public enum FeedQuery {
    public static let parameters = ["kind", "municipality", "body"]

    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// - Parameters:
    ///   - query: The raw query string (after `?`), or nil.
    ///   - registry: Where municipality and body slugs are looked up.
    public static func selection(_ query: String?, in registry: Registry) throws(Invalid) -> FeedSelection {
        var kinds: Set<CalendarEvent.Kind> = []
        var municipality: Municipality.ID?
        var body: Body.ID?
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = percentDecoded(parts[0]),
                let value = percentDecoded(parts.count > 1 ? parts[1] : "")
            else { throw Invalid(description: "Felaktig kodning eller styrtecken i frågan.") }
            switch key {
            case "kind":
                for name in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let kind = CalendarEvent.Kind(rawValue: String(name)) else {
                        throw Invalid(
                            description: "Okänt värde för kind: \"\(clip(name))\". Tillåtna: "
                                + CalendarEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                    }
                    kinds.insert(kind)
                }
            case "municipality":
                guard municipality == nil else {
                    throw Invalid(description: "municipality får anges en gång.")
                }
                let slugs = registry.municipalities.map(\.slug)
                guard let found = registry.municipalities.first(where: { $0.slug == Text.slug(value) }),
                    !value.isEmpty
                else {
                    throw Invalid(
                        description:
                            "Okänd kommun: \"\(clip(value))\". Tillåtna: \(slugs.joined(separator: ", ")).")
                }
                municipality = found.id
            case "body":
                guard body == nil else { throw Invalid(description: "body får anges en gång.") }
                let slugs = registry.bodies.map(\.slug)
                guard let found = registry.bodies.first(where: { $0.slug == Text.slug(value) }),
                    !value.isEmpty
                else {
                    throw Invalid(
                        description:
                            "Okänt organ: \"\(clip(value))\". Tillåtna: \(slugs.joined(separator: ", ")).")
                }
                body = found.id
            default:
                throw Invalid(
                    description:
                        "Okänd parameter: \"\(clip(key))\". Tillåtna: \(parameters.joined(separator: ", ")).")
            }
        }
        return FeedSelection(
            kinds: kinds.isEmpty ? Set(CalendarEvent.Kind.allCases) : kinds, municipality: municipality,
            body: body)
    }

    /// Echo at most 40 characters of what the client sent.
    static func clip(_ text: some StringProtocol) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
    }

    /// A query key or value, percent-decoded; nil when the encoding is malformed or the
    /// text holds a control character (`bjuv%00` is not Bjuv, although its slug is).
    static func percentDecoded(_ text: some StringProtocol) -> String? {
        guard let decoded = Percent.decode(text, plusAsSpace: true),
            !decoded.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return decoded
    }
}
