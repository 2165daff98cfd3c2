public import Registry

/// One municipality's seat in a body: the municipality's slug, the body and the role.
public struct SeatKey: Hashable, Sendable, CustomStringConvertible {
    public let municipality: String
    public let body: Body.ID
    /// `Role.key`: `director`, `presenter`, …
    public let role: String

    public init(municipality: String, body: Body.ID, role: String) {
        self.municipality = municipality
        self.body = body
        self.role = role
    }

    /// `bjuv\tkommundirektorerna\tdirector`: the ledger's first three columns.
    public var description: String { [municipality, body.rawValue, role].joined(separator: "\t") }

    /// `seat-bjuv-kommundirektorerna-director`: the change log's identity of the seat.
    var changeID: String { "seat-" + [municipality, body.rawValue, role].joined(separator: "-") }
}

/// Who holds one municipality's seat in a body once every change the data knows of has
/// taken effect: the memberships without an end date. It depends on the data alone,
/// never on the day the export runs.
public struct SeatState: Hashable, Sendable {
    /// The holders' names in name order, joined by " och ".
    public let holders: String
    /// When the newest holder started, if the data says.
    public let from: Day?

    public init(holders: String, from: Day?) {
        self.holders = holders
        self.from = from
    }
}

/// Who held each municipality's seats at the last export (`Exports/seats.tsv`): comparing
/// it with the data is how the change log hears that a representative was replaced.
public struct SeatLedger: Hashable, Sendable {
    public static let fileName = "seats.tsv"

    static let header =
        "# Who held each municipality's seats at the last export, written by `samverkan export`:\n"
        + "# municipality, body, role, holders, since. Commit it with the feeds; never edit it by hand.\n"

    public private(set) var seats: [SeatKey: SeatState]

    public init(seats: [SeatKey: SeatState] = [:]) {
        self.seats = seats
    }

    /// Reads `seats.tsv`, naming the first malformed line; a later line for a seat wins.
    public init(tsv text: String) throws(LedgerError) {
        let lines = try LedgerText.read(
            text, file: Self.fileName, expected: "MUNICIPALITY<TAB>BODY<TAB>ROLE<TAB>HOLDERS<TAB>SINCE"
        ) { fields -> (SeatKey, SeatState)? in
            let from = fields.count == 5 ? Day(iso: fields[4]) : nil
            guard fields.count == 5, !fields[0].isEmpty, !fields[3].isEmpty, fields[4].isEmpty || from != nil
            else { return nil }
            let key = SeatKey(
                municipality: String(fields[0]), body: Body.ID(String(fields[1])), role: String(fields[2]))
            return (key, SeatState(holders: String(fields[3]), from: from))
        }
        self.init(seats: Dictionary(lines, uniquingKeysWith: { _, later in later }))
    }

    /// `seats.tsv`, sorted by key.
    public var tsv: String {
        var text = Self.header
        for (description, key) in seats.keys.map({ ($0.description, $0) }).sorted(by: { $0.0 < $1.0 }) {
            let seat = seats[key]!
            text +=
                [description, ChangeEntry.clean(seat.holders), seat.from?.description ?? ""]
                .joined(separator: "\t") + "\n"
        }
        return text
    }

    /// Records who holds each seat now, and returns the seats whose holders differ from
    /// the last export's, in key order, with the holders before. The first export that
    /// keeps seats (none recorded) only records them: the change log starts empty.
    mutating func record(_ current: [SeatKey: SeatState]) -> [(key: SeatKey, old: String, new: SeatState)] {
        let first = seats.isEmpty
        var replaced: [(key: SeatKey, old: String, new: SeatState)] = []
        for (_, key) in current.keys.map({ ($0.description, $0) }).sorted(by: { $0.0 < $1.0 }) {
            let state = current[key]!
            if !first, let old = seats[key]?.holders, old != state.holders {
                replaced.append((key, old, state))
            }
        }
        seats = current
        return replaced
    }
}

extension Registry {
    /// Every municipality's seats.
    func seatStates() -> [SeatKey: SeatState] {
        var holders: [SeatKey: [Membership]] = [:]
        for membership in memberships where membership.to == nil {
            guard let municipality = membership.municipality.flatMap({ self[$0] }) else { continue }
            let key = SeatKey(
                municipality: municipality.slug, body: membership.body, role: membership.role.key)
            holders[key, default: []].append(membership)
        }
        return holders.mapValues { seat in
            SeatState(
                holders: seat.compactMap { self[$0.person]?.name }.sorted().joined(separator: " och "),
                from: seat.compactMap(\.from).max())
        }
    }
}
