import Registry

/// The change log as the export keeps it (`Exports/changes.tsv`), oldest first: each
/// export appends what it saw change, so the history survives re-exports.
public struct ChangeHistory: Hashable, Sendable {
    public static let fileName = "changes.tsv"

    static let header =
        "# Change log written by `samverkan export`: date (UTC), UID, kind, municipalities, URL, text.\n"
        + "# Commit it with the feeds; never edit it by hand.\n"

    public private(set) var entries: [ChangeEntry]

    public init(entries: [ChangeEntry] = []) {
        self.entries = entries
    }

    mutating func append(contentsOf new: some Sequence<ChangeEntry>) {
        entries.append(contentsOf: new)
    }

    /// Newest first, as readers see it.
    public var newestFirst: [ChangeEntry] { entries.reversed() }

    /// Reads `changes.tsv`, naming the first malformed line.
    public init(tsv text: String) throws(LedgerError) {
        self.init(
            entries: try LedgerText.read(
                text, file: Self.fileName,
                expected: "DATE<TAB>UID<TAB>KIND<TAB>MUNICIPALITIES<TAB>URL<TAB>TEXT",
                Self.entry))
    }

    /// `changes.tsv`, oldest first.
    public var tsv: String {
        Self.header
            + entries.map { entry in
                [
                    entry.date.description, entry.uid, entry.kind.rawValue,
                    entry.municipalities.joined(separator: ","), entry.url ?? "",
                    ChangeEntry.clean(entry.text),
                ].joined(separator: "\t") + "\n"
            }.joined()
    }

    private static func entry(_ fields: [Substring]) -> ChangeEntry? {
        guard fields.count == 6, let date = Instant(iso: fields[0]),
            let kind = ChangeEntry.Kind(rawValue: String(fields[2]))
        else { return nil }
        return ChangeEntry(
            date: date, uid: String(fields[1]), kind: kind,
            municipalities: fields[3].split(separator: ",").map(String.init),
            text: String(fields[5]), url: fields[4].isEmpty ? nil : String(fields[4]))
    }
}
