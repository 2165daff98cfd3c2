import Registry

/// The change log as the export keeps it (`Exports/changes.tsv`), oldest first: each
/// export appends what it saw change, so the history survives re-exports.
public struct ChangeHistory: Hashable, Sendable {
    public static let fileName = "changes.tsv"

    static let header =
        "# Change log written by `samverkan export`: date (UTC; readers see the day in Europe/Stockholm),\n"
        + "# UID, kind, municipalities, URL, text. Commit it with the feeds; never edit it by hand.\n"
        + rewrittenNote

    /// Said once in the header when the history was rewritten, and how the reader knows
    /// it has been: entries of exports before it that said only "har ändrats" were caused
    /// by changes of wording and links.
    static let rewrittenNote =
        "# History rewritten once: entries that said only \"har ändrats\" came from changes of\n"
        + "# wording and links; each export's became one line, \"Texterna i kalendern har uppdaterats.\"\n"

    /// What an export's vague entries became when the history was rewritten.
    static let textsUpdated = "Texterna i kalendern har uppdaterats."

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
    /// A log written before its entries named their changes is rewritten once as it is read
    /// (`rewrittenNote`).
    public init(tsv text: String) throws(LedgerError) {
        let entries = try LedgerText.read(
            text, file: Self.fileName, expected: "DATE<TAB>UID<TAB>KIND<TAB>MUNICIPALITIES<TAB>URL<TAB>TEXT",
            Self.entry)
        self.init(entries: text.contains(Self.rewrittenNote) ? entries : Self.rewritten(entries))
    }

    /// `entries` with every export's `.changed` entries (a sentence that named no change)
    /// as one entry in its place: "Texterna i kalendern har uppdaterats."
    static func rewritten(_ entries: [ChangeEntry]) -> [ChangeEntry] {
        let vague = Dictionary(grouping: entries.filter { $0.kind == .changed }, by: \.date)
        var done = Set<Instant>()
        return entries.compactMap { entry in
            guard entry.kind == .changed else { return entry }
            guard done.insert(entry.date).inserted, let group = vague[entry.date] else { return nil }
            return ChangeEntry(
                date: entry.date, uid: "calendar-texts", kind: .textsUpdated,
                municipalities: Set(group.flatMap(\.municipalities)).sorted(), text: textsUpdated, url: nil)
        }
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
