// Exports/representatives.csv: one row per municipality × body × person, for people who
// live in spreadsheets.

public import Registry

extension Registry {
    /// The CSV header, in column order.
    public static let representativesCSVColumns = [
        "municipality_id", "municipality", "body_id", "body", "person_id", "person", "role",
        "role_title", "role_inferred", "acting", "shared", "from", "to", "source_document", "source_item",
    ]

    /// Every membership held for a municipality, whatever its dates, as CSV.
    ///
    /// RFC 4180 quoting, UTF-8, LF line ends and a trailing newline. Rows are sorted by
    /// municipality, body and person ID, then start day, so the same data always gives
    /// the same bytes. `from` and `to` are YYYY-MM-DD or empty (since before the records,
    /// still in force); `to` is the first day no longer in force. `acting` and `shared`
    /// are `true` or `false`. `role_inferred` says why the registry states a role (or the
    /// seat) its source does not give, and is empty otherwise.
    public func representativesCSV() -> String {
        let rows =
            memberships
            .compactMap { membership -> (key: [String], fields: [String])? in
                guard let municipalityID = membership.municipality else { return nil }
                let municipality = ref(municipalityID)
                let fields = [
                    municipalityID.rawValue, municipality?.name ?? municipalityID.rawValue,
                    membership.body.rawValue, ref(membership.body).name,
                    membership.person.rawValue, ref(membership.person).name,
                    membership.role.key,
                    membership.role.title, membership.roleInference ?? "",
                    String(membership.acting), String(membership.shared),
                    membership.from?.description ?? "", membership.to?.description ?? "",
                    membership.source.document.rawValue, membership.source.item ?? "",
                ]
                let key = [
                    municipalityID.rawValue, membership.body.rawValue, membership.person.rawValue,
                    membership.from?.description ?? "", membership.role.key,
                ]
                return (key, fields)
            }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        return ([Registry.representativesCSVColumns] + rows.map(\.fields))
            .map { $0.map(Registry.csvField).joined(separator: ",") + "\n" }
            .joined()
    }

    /// A field quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every `target` character replaced by `replacement`; pure Swift, no Foundation.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
