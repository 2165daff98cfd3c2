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
    /// - Returns: the files, the ledger among them as updated by this export.
    public func exportFiles(previous ledger: SequenceLedger) throws(ExportError) -> [ExportFile] {
        var ledger = ledger
        let encoder = try ICalendarEncoder()
        let feeds = standardFeeds()
        let envelopes = feeds.map(encoder.envelope)
        // One pass over the events: each is encoded once, and its bytes go into every
        // feed that holds it.
        var contents = envelopes.map(\.opening)
        var revised = [Day?](repeating: nil, count: feeds.count)
        for event in calendarEventStream() {
            let bytes = encoder.encode(event, sequence: ledger.sequence(for: event))
            for index in feeds.indices where feeds[index].selection.includes(event) {
                contents[index].append(contentsOf: bytes)
                revised[index] = max(revised[index] ?? event.revised, event.revised)
            }
        }
        var files: [ExportFile] = []
        for index in feeds.indices {
            // Finish each feed in place and hand its buffer over: no second copy of the bytes.
            var bytes: [UInt8] = []
            swap(&bytes, &contents[index])
            bytes.append(contentsOf: envelopes[index].closing)
            files.append(
                ExportFile(
                    path: feeds[index].path, bytes: bytes, lastModified: revised[index] ?? latestRevision))
        }
        files.append(
            ExportFile(path: "representatives.csv", text: representativesCSV(), lastModified: latestRevision))
        files.append(ExportFile(path: "popolo.json", text: popoloJSON(), lastModified: latestRevision))
        files.append(
            ExportFile(path: SequenceLedger.fileName, text: ledger.tsv, lastModified: latestRevision))
        return files
    }
}
