public import Registry

/// Who holds one municipality's seat in a body once every change the data knows of has
/// taken effect: the memberships without an end date. Comparing it between exports is
/// how the change log hears that a director or other representative was replaced, and
/// it depends on the data alone, never on the day the export runs.
public struct SeatState: Hashable, Sendable {
    /// `bjuv\tkommundirektorerna\tdirector`: municipality slug, body ID, role key.
    public let key: String
    /// The holders' names in name order, joined by " och ".
    public let holders: String
    /// When the newest holder started, if the data says.
    public let from: Day?

    /// The ledger line after the key's three columns.
    var columns: [String] { [holders, from?.description ?? ""] }
}

extension Registry {
    /// Every municipality's seats, by key.
    func seatStates() -> [String: SeatState] {
        var holders: [String: [Membership]] = [:]
        for membership in memberships where membership.to == nil {
            guard let municipality = membership.municipality.flatMap({ self[$0] }) else { continue }
            let key = [municipality.slug, membership.body.rawValue, membership.role.key].joined(
                separator: "\t")
            holders[key, default: []].append(membership)
        }
        var states: [String: SeatState] = [:]
        for (key, seat) in holders {
            states[key] = SeatState(
                key: key,
                holders: seat.compactMap { self[$0.person]?.name }.sorted().joined(separator: " och "),
                from: seat.compactMap(\.from).max())
        }
        return states
    }

    /// "Bjuv har en ny kommundirektör i kommundirektörerna: Anna Berg efterträder Per Ek
    /// från den 1 maj 2026." Nil when the key names no municipality of the registry.
    func replacementSentence(old: String, new: SeatState) -> (text: String, municipality: String)? {
        let parts = new.key.split(separator: "\t").map(String.init)
        guard parts.count == 3, let municipality = municipalities.first(where: { $0.slug == parts[0] })
        else { return nil }
        let body = self[Body.ID(parts[1])]
        let role = memberships.first { $0.role.key == parts[2] }?.role.title ?? parts[2]
        let place = body.map { " i \($0.nameInSentence)" } ?? ""
        let since = new.from.map { " från den \($0.swedishText)" } ?? ""
        return (
            "\(municipality.name) har en ny \(role)\(place): \(new.holders) efterträder \(old)\(since).",
            municipality.slug
        )
    }
}
