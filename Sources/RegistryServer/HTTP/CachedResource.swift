import ExportFiles
import HummingbirdCore
import NIOConcurrencyHelpers
public import NIOCore
public import Registry

/// One response body rendered ahead of time, with everything a cache needs to know about
/// it: both encodings, their strong ETags, Last-Modified and Cache-Control.
///
/// Built once (at start-up, or once per custom selection) and then only read, so any
/// number of requests share it without locks. A class, so that handing it to a request
/// takes one reference count rather than one per field.
public final class CachedResource: Sendable {
    public let contentType: String
    public let cacheControl: String
    /// The bytes as they are on disk in `Exports/`.
    public let identity: ByteBuffer
    private let compressed: GzipCache
    /// `"sha256-…"`: a strong tag of the identity bytes, the same on every replica.
    public let eTag: String
    /// The gzip variant's own tag: a different representation needs a different tag.
    public let gzipETag: String
    public let lastModified: Instant
    let prepared: PreparedHeaders

    public static let calendarType = "text/calendar; charset=utf-8"
    public static let htmlType = "text/html; charset=utf-8"
    public static let atomType = "application/atom+xml; charset=utf-8"
    /// Calendars are asked to refresh hourly (REFRESH-INTERVAL PT1H); caches may keep a
    /// feed as long.
    public static let feedCacheControl = "public, max-age=3600"
    public static let pageCacheControl = "public, max-age=300"

    /// A resource revised at midnight UTC of `lastModified`.
    public convenience init(bytes: [UInt8], contentType: String, cacheControl: String, lastModified: Day) {
        self.init(
            bytes: bytes, contentType: contentType, cacheControl: cacheControl,
            lastModified: Instant(lastModified))
    }

    /// - Parameter fingerprint: The bytes' fingerprint when the caller already has it
    ///   (the ledger's `Fingerprint`), so they are not hashed again.
    public init(
        bytes: [UInt8], contentType: String, cacheControl: String, lastModified: Instant,
        fingerprint: String? = nil
    ) {
        self.contentType = contentType
        self.cacheControl = cacheControl
        self.lastModified = lastModified
        let tag = fingerprint.map { "sha256-" + $0 } ?? Self.tag(of: bytes)
        self.eTag = "\"\(tag)\""
        self.gzipETag = "\"\(tag)-gzip\""
        self.identity = ByteBuffer(bytes: bytes)
        self.compressed = GzipCache()
        self.prepared = PreparedHeaders(
            contentType: contentType, eTag: eTag, lastModified: lastModified, cacheControl: cacheControl,
            length: bytes.count)
    }

    /// Whether a gzip variant may exist: a few bytes never shrink.
    var mayCompress: Bool { identity.readableBytes > Self.compressionThreshold }
    static var compressionThreshold: Int { 64 }

    /// The bytes gzip-compressed, or nil when compression would not help. Compressed on
    /// first use and kept, so start-up never waits for every feed to be compressed.
    public var gzip: ByteBuffer? {
        guard mayCompress else { return nil }
        return compressed.value(for: identity)
    }

    /// `sha256-` and the bytes' `Fingerprint`.
    static func tag(of bytes: [UInt8]) -> String { "sha256-" + Fingerprint.of(bytes) }
}

/// A resource's gzip variant, made once on first use; concurrent first uses wait for the
/// one compression.
final class GzipCache: Sendable {
    private let state = NIOLockedValueBox<ByteBuffer??>(nil)

    func value(for identity: ByteBuffer) -> ByteBuffer? {
        state.withLockedValue { state in
            if let done = state { return done }
            // The export's own gzip, so the variant is byte for byte the `.gz` twin nginx
            // serves from Exports/.
            let zipped = identity.withUnsafeReadableBytes { Gzip.compress($0) }
            let result = zipped.count < identity.readableBytes ? ByteBuffer(bytes: zipped) : nil
            state = .some(result)
            return result
        }
    }
}
