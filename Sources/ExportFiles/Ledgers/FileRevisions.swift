public import Registry

/// Each exported file's revision and the fingerprint of the bytes it was for
/// (`Exports/revisions.tsv`): a file's Last-Modified and mtime stay put while its bytes
/// do, and move forward when they change, so a conditional request never gets a stale
/// 304. Files no longer exported stay, so a path that comes back continues forward.
public struct FileRevisions: Hashable, Sendable {
    /// One exported file's revision: its Last-Modified, and the bytes it was for.
    public struct Record: Hashable, Sendable {
        public let revised: Instant
        public let fingerprint: String

        public init(revised: Instant, fingerprint: String) {
            self.revised = revised
            self.fingerprint = fingerprint
        }
    }

    public static let fileName = "revisions.tsv"

    static let header =
        "# Revisions of the exported files written by `samverkan export`: path, revised (UTC,\n"
        + "# Last-Modified and mtime), fingerprint of the bytes. Commit it with the feeds.\n"

    /// By path under `Exports/`.
    public private(set) var records: [String: Record]

    public init(records: [String: Record] = [:]) {
        self.records = records
    }

    public subscript(path: String) -> Record? { records[path] }

    /// Reads `revisions.tsv`, naming the first malformed line; a later line for a path wins.
    public init(tsv text: String) throws(LedgerError) {
        let lines = try LedgerText.read(
            text, file: Self.fileName, expected: "PATH<TAB>REVISED<TAB>FINGERPRINT"
        ) {
            fields -> (String, Record)? in
            guard fields.count == 3, !fields[0].isEmpty, let revised = Instant(iso: fields[1]) else {
                return nil
            }
            return (String(fields[0]), Record(revised: revised, fingerprint: String(fields[2])))
        }
        self.init(records: Dictionary(lines, uniquingKeysWith: { _, later in later }))
    }

    /// `revisions.tsv`, sorted by path.
    public var tsv: String {
        var text = Self.header
        for path in records.keys.sorted() {
            let record = records[path]!
            text += "\(path)\t\(record.revised)\t\(record.fingerprint)\n"
        }
        return text
    }

    /// A file's Last-Modified, recorded: unchanged bytes keep their revision; changed bytes
    /// get the newest of `candidate` (the newest revision of what the file holds), `now`
    /// and one second after the revision recorded before; a path never seen gets
    /// `candidate`.
    public mutating func revision(ofFile path: String, fingerprint: String, candidate: Instant, now: Instant?)
        -> Instant
    {
        let revised: Instant
        if let previous = records[path] {
            revised =
                previous.fingerprint == fingerprint
                ? previous.revised : max(candidate, now ?? candidate, previous.revised.adding(seconds: 1))
        } else {
            revised = candidate
        }
        records[path] = Record(revised: revised, fingerprint: fingerprint)
        return revised
    }

    /// The same, for bytes not yet fingerprinted.
    public mutating func revision(ofFile path: String, bytes: [UInt8], candidate: Instant, now: Instant?)
        -> Instant
    {
        revision(ofFile: path, fingerprint: Fingerprint.of(bytes), candidate: candidate, now: now)
    }

    /// The newest revision recorded.
    public var newest: Instant? { records.values.map(\.revised).max() }
}
