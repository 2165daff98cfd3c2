/// What reading an export back takes from the folder alone: its ledgers, and each feed's
/// bytes held to the fingerprint `revisions.tsv` records and to its `.gz` twin's trailer.
/// Started before the registry exists (`start(_:)`), it reads and hashes on a core that
/// building the registry leaves idle; `Publication.init(readingBack:…)` then checks the
/// feeds against the data without reading them again.
public final class ExportReading: Sendable {
    let directory: ExportDirectory
    private let ledgers: Parallel.Pending<Result<Ledgers, ReadBackError>>
    private let feeds: Parallel.Pending<[String: FeedBytes]>

    /// One feed as the folder holds it, checked on its own.
    struct FeedBytes: Sendable {
        /// The file's bytes; nil when it cannot be read.
        let bytes: [UInt8]?
        /// Whether the bytes have the fingerprint `revisions.tsv` records.
        let recorded: Bool
        /// Whether the `.gz` twin's trailer names these bytes.
        let twinMatches: Bool

        init(path: String, in directory: ExportDirectory, fingerprint: String?) {
            bytes = directory.bytes(path)
            guard let bytes, let fingerprint, Fingerprint.of(bytes) == fingerprint else {
                (recorded, twinMatches) = (false, false)
                return
            }
            recorded = true
            twinMatches = directory.twin(path + ".gz", trailerMatches: bytes)
        }
    }

    private init(_ directory: ExportDirectory) {
        self.directory = directory
        let ledgers = Parallel.background { () -> Result<Ledgers, ReadBackError> in
            do { return .success(try directory.previousLedger()) } catch {
                return .failure(.unreadableLedger("\(error)"))
            }
        }
        self.ledgers = ledgers
        // One core's worth: the other builds the registry, then plans the export.
        feeds = Parallel.background {
            guard case .success(let found) = ledgers.value() else { return [:] }
            var feeds: [String: FeedBytes] = [:]
            for (path, record) in found.files.records where path.hasSuffix(".ics") {
                feeds[path] = FeedBytes(path: path, in: directory, fingerprint: record.fingerprint)
            }
            return feeds
        }
    }

    /// Starts reading the export in `directory` on other threads, at once, for one read-back.
    public static func start(_ directory: ExportDirectory) -> ExportReading {
        ExportReading(directory)
    }

    /// The folder's ledgers, once read.
    func ledgersRead() -> Result<Ledgers, ReadBackError> { ledgers.value() }

    /// The feeds read ahead, by path, handed over once: they are most of the export, and
    /// the responses are made from them without another copy. The ledgers go too (the
    /// reader of the feeds is done with them), so that a reading kept by its caller while
    /// the server runs holds nothing.
    func takeFeeds() -> [String: FeedBytes] {
        let taken = feeds.take()
        _ = ledgers.take()
        return taken
    }
}
