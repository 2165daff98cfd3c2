public import Registry

/// One file of the export: its path under `Exports/`, its bytes, and when its content
/// was last revised (used as the file's modification time and Last-Modified).
public struct ExportFile: Hashable, Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let lastModified: Instant

    public init(path: String, bytes: [UInt8], lastModified: Instant) {
        self.path = path
        self.bytes = bytes
        self.lastModified = lastModified
    }

    public init(path: String, text: String, lastModified: Instant) {
        self.init(path: path, bytes: Array(text.utf8), lastModified: lastModified)
    }

    /// A file revised at midnight UTC of `lastModified`.
    public init(path: String, bytes: [UInt8], lastModified: Day) {
        self.init(path: path, bytes: bytes, lastModified: Instant(lastModified))
    }

    /// A file revised at midnight UTC of `lastModified`.
    public init(path: String, text: String, lastModified: Day) {
        self.init(path: path, bytes: Array(text.utf8), lastModified: Instant(lastModified))
    }
}
