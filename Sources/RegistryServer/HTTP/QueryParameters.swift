/// A request's query string, decoded strictly and checked against the parameters a
/// route takes: the one parser behind `/feeds/custom.ics` and every `/api/` route.
///
/// Hummingbird's `uri.queryParameters` leaves malformed escapes and control characters
/// in place and does not decode keys; a feed address that is not exactly what it seems
/// (`bjuv%00`) must be refused instead, so this reads the raw query itself.
struct QueryParameters {
    /// What was wrong with the query, in Swedish, for a 400 answer.
    struct Invalid: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    private var values: [String: [String]] = [:]

    /// - Parameters:
    ///   - query: The raw query (after `?`), or nil.
    ///   - allowed: The parameter names the route takes.
    ///   - repeatable: Those of them that may appear more than once.
    /// - Throws: `Invalid` for a malformed escape or a control character, an unknown
    ///   name, or a single-valued name given twice.
    init(_ query: String?, allowed: [String], repeatable: Set<String> = []) throws(Invalid) {
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decoded(parts[0]), let value = Self.decoded(parts.count > 1 ? parts[1] : "")
            else { throw Invalid(description: "Felaktig kodning eller styrtecken i frågan.") }
            guard allowed.contains(key) else {
                let names = allowed.isEmpty ? "inga" : allowed.joined(separator: ", ")
                throw Invalid(description: "Okänd parameter: \"\(Self.clip(key))\". Tillåtna: \(names).")
            }
            guard values[key] == nil || repeatable.contains(key) else {
                throw Invalid(description: "\(key) får anges en gång.")
            }
            values[key, default: []].append(value)
        }
    }

    /// The value of a single-valued parameter.
    subscript(name: String) -> String? { values[name]?.first }

    /// Every value of a repeatable parameter, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Echo at most 40 characters of what the client sent.
    static func clip(_ text: some StringProtocol) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
    }

    /// A key or value, percent-decoded; nil when the encoding is malformed or the text
    /// holds a control character (`bjuv%00` is not Bjuv, although its slug is).
    private static func decoded(_ text: some StringProtocol) -> String? {
        guard let decoded = Percent.decode(text, plusAsSpace: true),
            !decoded.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return decoded
    }
}
