import CSystemShims
import CalendarFeeds
import Foundation
public import ICalendar
public import Registry

/// Why the export in a folder is not what the registry exports: each file that differs,
/// with what was found.
public struct ExportMismatch: Error, CustomStringConvertible {
    /// Each differing path under the folder, with the reason, sorted by path.
    public let problems: [(path: String, reason: String)]

    init(_ problems: [(path: String, reason: String)]) {
        self.problems = problems.sorted { $0.path < $1.path }
    }

    public var description: String {
        guard let first = problems.first else { return "no file differs" }
        return "\(problems.count) file(s) differ, e.g. \(first.path) (\(first.reason))"
    }
}

/// Why `Publication.init(readingBack:…)` did not read an export back.
public enum ReadBackError: Error, CustomStringConvertible {
    /// A ledger file exists but cannot be read: nothing can be served or rendered against it.
    case unreadableLedger(String)
    /// `sequences.tsv` is missing or empty: there is no export yet. The ledger is what the
    /// folder holds, for rendering anyway.
    case noLedger(SequenceLedger)
    /// The export is not what the data exports. The ledger is the folder's, for rendering
    /// anyway.
    case stale(ExportMismatch, SequenceLedger)

    public var description: String {
        switch self {
        case .unreadableLedger(let message): message
        case .noLedger: "\(SequenceLedger.fileName) is missing or empty"
        case .stale(let mismatch, _): "\(mismatch)"
        }
    }
}

extension Publication {
    /// The publication that the export in `directory` holds, read back instead of rendered:
    /// what `samverkan export` rendered once, handed to `serve` through the folder.
    ///
    /// Nothing is encoded but the feeds' envelopes. The export is taken only when a new
    /// export of `registry` would leave it as it is:
    /// - every event, and every municipality's own wording of one, words to the content
    ///   fingerprint its ledger line records, and no other line is still published;
    /// - the seats are those `seats.tsv` records;
    /// - every feed's bytes are those `revisions.tsv` records for it, between the envelope
    ///   libical writes for it now, and its events are the data's, in order (by UID);
    /// - every feed's `.gz` twin names the feed in its trailer (CRC-32 and length; not
    ///   decompressed, which cost about 3 s of CPU at 100,000 events), and every change log's
    ///   twin decompresses to it;
    /// - the change logs, the spreadsheet and the Popolo export are byte for byte what
    ///   the data gives, and what `revisions.tsv` records.
    ///
    /// The events' own bytes are taken from the feeds: an unchanged fingerprint and
    /// SEQUENCE mean the same VEVENT for the same encoder, and `export --check` (in the
    /// test command) holds the committed export to the encoder.
    ///
    /// - Parameters:
    ///   - directory: The export folder.
    ///   - registry: What the export must be of.
    ///   - encoder: The encoder whose envelopes the feeds must carry.
    /// - Throws: `ReadBackError`: the ledger unreadable, missing, or an export that
    ///   differs from the data, naming every file that differs.
    public init(readingBack directory: ExportDirectory, registry: Registry, encoder: ICalendarEncoder)
        throws(ReadBackError)
    {
        // The ledger is read on the other cores while this one derives the events.
        let reading = Parallel.background { () -> Result<SequenceLedger, ReadBackError> in
            do { return .success(try directory.previousLedger()) } catch {
                return .failure(.unreadableLedger("\(error)"))
            }
        }
        let events = registry.events()
        let ledger = try reading.value().get()
        guard !ledger.entries.isEmpty else { throw .noLedger(ledger) }
        let zone = encoder.zone
        // The spreadsheet and Popolo exports depend on the registry alone: made and
        // compared on another core while this one reads the events back.
        let others = Parallel.background {
            [
                ("representatives.csv", Array(registry.representativesCSV().utf8)),
                ("popolo.json", registry.popolo(zone: zone).json),
            ].compactMap { path, bytes -> (path: String, reason: String)? in
                if directory.differs(path, from: bytes) { return (path, "not what the data gives") }
                if ledger.files[path]?.fingerprint != SequenceLedger.fingerprint(bytes) {
                    return (path, "not what \(SequenceLedger.filesFileName) records")
                }
                return nil
            }
        }
        var problems: [(path: String, reason: String)] = []
        let feeds = registry.standardFeeds(events: events)
        let routing = FeedRouting(feeds)
        let slugs = Dictionary(
            registry.municipalities.map { ($0.id, $0.slug) }, uniquingKeysWith: { first, _ in first })

        // Every event worded and checked against its ledger lines, a part per core.
        let checked = Parallel.map(Parallel.parts(events.count, size: Pipeline.batchSize)) { part in
            events[part].map {
                CheckedEvent(
                    Publication.WordedEvent(
                        $0, registry: registry, previous: ledger, routing: routing, slugs: slugs),
                    ledger: ledger)
            }
        }.flatMap { $0 }
        let changed = checked.compactMap(\.changedKey)
        let published = checked.reduce(0) { $0 + 1 + $1.own.count }
        let live = ledger.entries.values.reduce(0) { $0 + ($1.removed == nil ? 1 : 0) }
        if let key = changed.first {
            problems.append(
                (
                    SequenceLedger.fileName,
                    "\(changed.count) event(s) new or changed since it was written, e.g. \(key)"
                ))
        } else if published != live {
            let keys = Set(checked.flatMap { [$0.uid] + $0.own.map(\.key) })
            let gone = ledger.entries.filter { $0.value.removed == nil && !keys.contains($0.key) }.keys
                .sorted()
            problems.append(
                (
                    SequenceLedger.fileName,
                    "\(gone.count) event(s) removed from the data but still published, e.g. \(gone.first ?? "?")"
                ))
        }
        if registry.seatStates() != ledger.seats {
            problems.append(
                (SequenceLedger.seatsFileName, "the seats' holders have changed since it was written"))
        }

        // Each feed's events, by position in `events`, in the feeds' order.
        var members = [[Int]](repeating: [], count: feeds.count)
        for (position, event) in checked.enumerated() {
            for index in event.feeds { members[index].append(position) }
        }
        let envelopes = feeds.map { encoder.envelope($0.header) }
        let uids = checked.map(\.uid)
        let held = members
        let read = Parallel.map(Array(feeds.indices)) { index in
            ReadFeed(
                path: feeds[index].path, directory: directory, recorded: ledger.files[feeds[index].path],
                envelope: envelopes[index], uids: held[index].map { uids[$0] })
        }
        problems += read.compactMap(\.problem)

        // The change logs: made again (they are small) and compared, twins included.
        let changes = Array(ledger.changes.reversed())
        let siteMap = SiteMap(registry: registry)
        let latest = Instant(registry.latestRevision)
        var atoms: [ExportFile] = []
        for (path, bytes, revised) in Self.changeLogs(
            changes, registry: registry, siteMap: siteMap, latest: latest,
            revised: { path, _, candidate in ledger.files[path]?.revised ?? candidate })
        {
            if directory.differs(path, from: bytes) {
                problems.append((path, "not what the change log gives"))
            } else if ledger.files[path]?.fingerprint != SequenceLedger.fingerprint(bytes) {
                problems.append((path, "not what \(SequenceLedger.filesFileName) records"))
            } else if !directory.twin(path + ".gz", decompressesTo: bytes) {
                problems.append((path + ".gz", "does not decompress to \(path)"))
            }
            atoms.append(ExportFile(path: path, bytes: bytes, lastModified: revised))
        }
        problems += others.value()
        guard problems.isEmpty else { throw .stale(ExportMismatch(problems), ledger) }

        // Every event's bytes from the first feed that holds its shared wording, and each
        // municipality's own wording from that municipality's feed.
        var encodedEvents = [[UInt8]](repeating: [], count: events.count)
        var ownWording: [Int: [Municipality.ID: EncodedEvent]] = [:]
        for (index, feed) in read.enumerated() {
            let municipality = feeds[index].selection.municipality
            for (position, block) in zip(members[index], feed.blocks) {
                if let municipality,
                    let own = checked[position].own.first(where: { $0.municipality == municipality })
                {
                    ownWording[position, default: [:]][municipality] = EncodedEvent(
                        bytes: Array(feed.bytes[block]), revised: own.revised!)
                } else if encodedEvents[position].isEmpty {
                    encodedEvents[position] = Array(feed.bytes[block])
                }
            }
        }
        var files: [ExportFile] = []
        files.reserveCapacity(feeds.count + atoms.count)
        for (index, feed) in read.enumerated() {
            files.append(
                ExportFile(path: feeds[index].path, bytes: feed.bytes, lastModified: feed.recorded!.revised))
        }
        self.events = events
        self.encodedEvents = encodedEvents
        self.revisions = checked.map { $0.revised! }
        self.ownWording = ownWording
        self.changes = changes
        self.feeds = feeds
        self.ledger = ledger
        self.files = files + atoms
    }

    /// One event, worded now and compared with its ledger lines.
    private struct CheckedEvent: Sendable {
        let uid: String
        /// The revision the ledger records for the shared wording (nil when `changedKey`
        /// is not).
        let revised: Instant?
        /// Each municipality's own wording: its ledger key and recorded revision.
        let own: [(municipality: Municipality.ID, key: String, revised: Instant?)]
        /// The standard feeds that hold the event.
        let feeds: [Int]
        /// The first ledger line an export would change: missing, marked removed, of
        /// another fingerprint or another state.
        let changedKey: String?

        init(_ worded: Publication.WordedEvent, ledger: SequenceLedger) {
            uid = worded.shared.uid
            feeds = worded.feeds
            var changedKey: String?
            func recorded(_ key: String, fingerprint: String, state: EventState?) -> Instant? {
                guard let entry = ledger.entries[key], entry.removed == nil, entry.fingerprint == fingerprint,
                    let revised = entry.revised, state == nil || entry.state == state
                else {
                    if changedKey == nil { changedKey = key }
                    return nil
                }
                return revised
            }
            own = worded.variants.map { variant in
                (
                    variant.municipality, variant.key,
                    recorded(variant.key, fingerprint: variant.fingerprint, state: nil)
                )
            }
            revised = recorded(uid, fingerprint: worded.fingerprint, state: worded.state)
            self.changedKey = changedKey
        }
    }

    /// One standard feed read from the folder and checked: its bytes, where each of its
    /// events lies in them, and what is wrong with it, if anything.
    private struct ReadFeed: Sendable {
        let path: String
        let bytes: [UInt8]
        let recorded: SequenceLedger.FileRevision?
        let blocks: [Range<Int>]
        /// The path at fault (the feed or its twin) and what is wrong.
        let problem: (path: String, reason: String)?

        init(
            path: String, directory: ExportDirectory, recorded: SequenceLedger.FileRevision?,
            envelope: (opening: [UInt8], closing: [UInt8]), uids: [String]
        ) {
            self.path = path
            self.recorded = recorded
            guard let bytes = directory.bytes(path) else {
                (self.bytes, blocks, problem) = ([], [], (path, "missing"))
                return
            }
            self.bytes = bytes
            guard let recorded, SequenceLedger.fingerprint(bytes) == recorded.fingerprint else {
                (blocks, problem) = ([], (path, "not what \(SequenceLedger.filesFileName) records"))
                return
            }
            let (opening, closing) = envelope
            guard bytes.count >= opening.count + closing.count, bytes.starts(with: opening),
                bytes.suffix(closing.count).elementsEqual(closing)
            else {
                (blocks, problem) = ([], (path, "its calendar properties are not what the data gives"))
                return
            }
            let blocks = VEventBlocks.ranges(in: bytes, from: opening.count, to: bytes.count - closing.count)
            self.blocks = blocks
            guard blocks.count == uids.count else {
                problem = (path, "holds \(blocks.count) event(s) where the data routes \(uids.count)")
                return
            }
            if let (block, uid) = zip(blocks, uids).first(where: { !VEventBlocks.hasUID(bytes[$0], $1) }) {
                let found = VEventBlocks.uid(in: bytes[block]) ?? "an event without UID"
                problem = (path, "holds \(found) where the data has \(uid)")
                return
            }
            guard directory.twin(path + ".gz", trailerMatches: bytes) else {
                problem = (path + ".gz", "its trailer does not name \(path)'s bytes")
                return
            }
            problem = nil
        }
    }
}

/// Where each VEVENT lies in a feed's bytes, and its UID: a feed is its envelope around
/// the events' blocks, each `BEGIN:VEVENT` to `END:VEVENT`, one after another.
enum VEventBlocks {
    private static let begin = Array("BEGIN:VEVENT\r\n".utf8)
    private static let lineBreakBegin = Array("\r\nBEGIN:VEVENT\r\n".utf8)
    private static let uidLine = Array("\r\nUID:".utf8)
    private static let lineBreak = Array("\r\n".utf8)

    /// The blocks between `start` and `end`. A line `BEGIN:VEVENT` can only open an event:
    /// text values escape their line breaks, and folding continues a line with a space.
    static func ranges(in bytes: [UInt8], from start: Int, to end: Int) -> [Range<Int>] {
        guard start < end else { return [] }
        return bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            guard end - start >= begin.count, memcmp(base + start, begin, begin.count) == 0 else {
                return [start..<end]
            }
            var starts = [start]
            var from = start + 1
            while from < end {
                let found = csystem_find(base + from, end - from, lineBreakBegin, lineBreakBegin.count)
                guard found >= 0 else { break }
                starts.append(from + found + 2)
                from += found + 3
            }
            return zip(starts, starts.dropFirst() + [end]).map { $0..<$1 }
        }
    }

    /// Whether the event in `block` has the UID `uid`, compared byte by byte where the
    /// value lies, nothing copied.
    static func hasUID(_ block: ArraySlice<UInt8>, _ uid: String) -> Bool {
        var expected = uid
        return expected.withUTF8 { expected in
            var position = 0
            let whole = uidBytes(in: block) { byte in
                guard position < expected.count, expected[position] == byte else { return false }
                position += 1
                return true
            }
            return whole && position == expected.count
        }
    }

    /// The UID of the event in `block`, unfolded and with TEXT escapes undone.
    static func uid(in block: ArraySlice<UInt8>) -> String? {
        var value: [UInt8] = []
        let found = uidBytes(in: block) { byte in
            value.append(byte)
            return true
        }
        guard found else { return nil }
        return String(decoding: value, as: UTF8.self)
    }

    /// Hands each byte of the UID's value in `block` to `take`, folds skipped and TEXT
    /// escapes undone, until `take` returns false. Returns false when there is no UID or
    /// `take` stopped.
    private static func uidBytes(in block: ArraySlice<UInt8>, _ take: (UInt8) -> Bool) -> Bool {
        guard let range = uidValue(in: block) else { return false }
        var index = range.lowerBound
        while index < range.upperBound {
            var byte = block[index]
            if byte == 0x0D {
                index += 3  // a fold: CRLF and a space or tab
                continue
            }
            index += 1
            if byte == UInt8(ascii: "\\"), index < range.upperBound {
                byte =
                    block[index] == UInt8(ascii: "n") || block[index] == UInt8(ascii: "N")
                    ? 0x0A : block[index]
                index += 1
            }
            guard take(byte) else { return false }
        }
        return true
    }

    /// Where the UID property's value lies in `block` (indices of the whole array), folds
    /// included: from after `UID:` to the CRLF that is not followed by a space or tab.
    private static func uidValue(in block: ArraySlice<UInt8>) -> Range<Int>? {
        block.withUnsafeBufferPointer { buffer -> Range<Int>? in
            guard let base = buffer.baseAddress else { return nil }
            let found = csystem_find(base, buffer.count, uidLine, uidLine.count)
            guard found >= 0 else { return nil }
            let start = found + uidLine.count
            var end = start
            while true {
                let lineEnd = csystem_find(base + end, buffer.count - end, lineBreak, lineBreak.count)
                guard lineEnd >= 0 else { return nil }
                end += lineEnd
                guard end + 2 < buffer.count, buffer[end + 2] == 0x20 || buffer[end + 2] == 0x09 else {
                    break
                }
                end += 3
            }
            return (block.startIndex + start)..<(block.startIndex + end)
        }
    }
}
