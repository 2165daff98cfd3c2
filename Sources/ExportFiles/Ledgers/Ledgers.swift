public import Registry

/// The four ledgers an export carries to the next one, each in its own file beside the
/// feeds: SEQUENCE numbers, file revisions, the change log and the seats.
public struct Ledgers: Hashable, Sendable {
    public var events: EventLedger
    public var files: FileRevisions
    public var changes: ChangeHistory
    public var seats: SeatLedger

    public init(
        events: EventLedger = EventLedger(), files: FileRevisions = FileRevisions(),
        changes: ChangeHistory = ChangeHistory(), seats: SeatLedger = SeatLedger()
    ) {
        self.events = events
        self.files = files
        self.changes = changes
        self.seats = seats
    }

    /// Reads the four files' texts; a missing file (nil) is an empty ledger.
    public init(sequences: String, revisions: String? = nil, changes: String? = nil, seats: String? = nil)
        throws(LedgerError)
    {
        self.init(
            events: try EventLedger(tsv: sequences), files: try FileRevisions(tsv: revisions ?? ""),
            changes: try ChangeHistory(tsv: changes ?? ""), seats: try SeatLedger(tsv: seats ?? ""))
    }

    /// The files' names, in the order an export lists them.
    public static let fileNames = [
        EventLedger.fileName, FileRevisions.fileName, ChangeHistory.fileName, SeatLedger.fileName,
    ]

    /// The newest instant the ledgers record: a revision or a removal.
    public var newestRecord: Instant? { [events.newestRecord, files.newest].compactMap { $0 }.max() }
}
