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
}
