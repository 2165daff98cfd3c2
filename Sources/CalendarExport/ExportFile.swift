public import Registry

/// One file of the export: its path under `Exports/`, its bytes, and the day its
/// content was last revised (used as the file's modification time and Last-Modified).
public struct ExportFile: Hashable, Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let lastModified: Day

    public init(path: String, bytes: [UInt8], lastModified: Day) {
        self.path = path
        self.bytes = bytes
        self.lastModified = lastModified
    }

    public init(path: String, text: String, lastModified: Day) {
        self.init(path: path, bytes: Array(text.utf8), lastModified: lastModified)
    }
}

extension Registry {
    /// The latest date among the documents the registry cites.
    public var latestRevision: Day {
        documents.map(\.date).max() ?? Day(1970, 1, 1)
    }

    /// Every file `samverkan export` writes, in a fixed order: the standard feeds, the
    /// spreadsheet and Popolo exports, then the SEQUENCE ledger carried forward from `ledger`.
    ///
    /// - Parameter ledger: the ledger of the previous export (empty for the first one).
    /// - Returns: the files, and the ledger as updated by this export.
    public func exportFiles(previous ledger: SequenceLedger) throws(ExportError) -> [ExportFile] {
        var ledger = ledger
        let events = calendarEvents()
        let sequences = ledger.assign(events)
        let encoder = try ICalendarEncoder()
        var files: [ExportFile] = []
        for feed in standardFeeds() {
            let selected = events.filter(feed.selection.includes)
            files.append(
                ExportFile(
                    path: feed.path,
                    bytes: encoder.encode(feed, events: selected, sequences: sequences),
                    lastModified: selected.map(\.revised).max() ?? latestRevision))
        }
        files.append(
            ExportFile(path: "representatives.csv", text: representativesCSV(), lastModified: latestRevision))
        files.append(ExportFile(path: "popolo.json", text: popoloJSON(), lastModified: latestRevision))
        files.append(
            ExportFile(path: SequenceLedger.fileName, text: ledger.tsv, lastModified: latestRevision))
        return files
    }
}
