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
    case noLedger(Ledgers)
    /// The export is not what the data exports. The ledger is the folder's, for rendering
    /// anyway.
    case stale(ExportMismatch, Ledgers)

    public var description: String {
        switch self {
        case .unreadableLedger(let message): message
        case .noLedger: "\(EventLedger.fileName) is missing or empty"
        case .stale(let mismatch, _): "\(mismatch)"
        }
    }
}

extension Publication {
    /// The publication that the export in `directory` holds, read back instead of rendered,
    /// taken only when a new export of `registry` would leave the folder as it is: every
    /// event words to its ledger line, the seats are those recorded, every feed's bytes are
    /// those `revisions.tsv` records (between the envelope libical writes now, holding the
    /// data's events in order, with a matching `.gz` trailer), and the change logs,
    /// spreadsheet and Popolo export are byte for byte what the data gives. The events'
    /// bytes are taken from the feeds: `export --check` holds those to the encoder.
    ///
    /// - Parameter reading: The folder's files, read since before the registry was built
    ///   (`ExportReading.start(_:)`); started here when nil.
    /// - Throws: `ReadBackError`, naming every file that differs.
    public init(
        readingBack directory: ExportDirectory, registry: Registry, encoder: ICalendarEncoder,
        reading: ExportReading? = nil
    ) throws(ReadBackError) {
        // The folder is read, and the files that depend on the registry alone made, on
        // the other cores while this one plans.
        let reading = reading ?? ExportReading.start(directory)
        let zone = encoder.zone
        let making = Parallel.background { ExportPlan.registryFiles(registry, zone: zone) }
        let plan = ExportPlan(registry: registry, encoder: encoder)
        let ledger = try reading.ledgersRead().get()
        guard !ledger.events.entries.isEmpty else { throw .noLedger(ledger) }
        let eventLedger = ledger.events
        let checked = Parallel.map(Parallel.parts(plan.events.count, size: Pipeline.batchSize)) { part in
            plan.events[part].map {
                CheckedEvent(WordedEvent($0, plan: plan, previous: eventLedger), ledger: eventLedger)
            }
        }.flatMap { $0 }
        var problems = Self.eventProblems(checked, ledger: ledger.events)
        if registry.seatStates() != ledger.seats.seats {
            problems.append((SeatLedger.fileName, "the seats' holders have changed since it was written"))
        }
        let members = plan.members(checked.lazy.map(\.feeds))
        let uids = checked.map(\.uid)
        let ahead = reading.takeFeeds()
        let read = Parallel.map(Array(plan.feeds.indices)) { index in
            let path = plan.feeds[index].path
            let recorded = ledger.files[path]
            return ReadFeed(
                path: path,
                read: ahead[path]
                    ?? ExportReading.FeedBytes(
                        path: path, in: reading.directory, fingerprint: recorded?.fingerprint),
                recorded: recorded, envelope: plan.envelopes[index], events: members[index], uids: uids)
        }
        problems += read.compactMap(\.problem)
        let changes = ledger.changes.newestFirst
        let atoms = Self.changeLogs(changes, registry: registry, latest: plan.latest).map {
            ExportFile(
                path: $0.path, bytes: $0.bytes, lastModified: ledger.files[$0.path]?.revised ?? $0.candidate)
        }
        problems += Self.problems(
            atoms.map { ($0.path, $0.bytes) }, in: directory, revisions: ledger.files, twins: true)
        let made = making.value()
        problems += Self.problems(made, in: directory, revisions: ledger.files)
        guard problems.isEmpty else { throw .stale(ExportMismatch(problems), ledger) }
        (encodedEvents, ownWording) = Self.eventBytes(read, members: members, checked: checked, plan: plan)
        events = plan.events
        revisions = checked.map { $0.revised! }
        self.changes = changes
        feeds = plan.feeds
        self.ledger = ledger
        dataFiles = made
        files =
            zip(plan.feeds, read).map {
                ExportFile(path: $0.path, bytes: $1.bytes, lastModified: $1.recorded!.revised)
            }
            + atoms
    }

    /// What the event ledger says of the events worded now: a line new or changed, or
    /// one still published that the data no longer has.
    private static func eventProblems(_ checked: [CheckedEvent], ledger: EventLedger)
        -> [(path: String, reason: String)]
    {
        let changed = checked.compactMap(\.changedKey)
        if let key = changed.first {
            return [
                (
                    EventLedger.fileName,
                    "\(changed.count) event(s) new or changed since it was written, e.g. \(key)"
                )
            ]
        }
        let published = checked.reduce(0) { $0 + 1 + $1.own.count }
        guard published != ledger.entries.reduce(0, { $0 + ($1.entry.removed == nil ? 1 : 0) }) else {
            return []
        }
        let keys = Set(checked.flatMap { [$0.key] + $0.own.map(\.key) })
        let gone = EventLedger.sorted(
            ledger.entries.filter { $0.entry.removed == nil && !keys.contains($0.key) }.map(\.key))
        return [
            (
                EventLedger.fileName,
                "\(gone.count) event(s) removed from the data but still published, e.g. \(gone.first?.text ?? "?")"
            )
        ]
    }

    /// Files made again from the data that the folder must hold byte for byte, as
    /// `revisions.tsv` records them (and, with `twins`, each with a `.gz` that
    /// decompresses to it).
    private static func problems(
        _ made: [(path: String, bytes: [UInt8])], in directory: ExportDirectory, revisions: FileRevisions,
        twins: Bool = false
    ) -> [(path: String, reason: String)] {
        made.compactMap { path, bytes in
            if directory.differs(path, from: bytes) { return (path, "not what the data gives") }
            if revisions[path]?.fingerprint != Fingerprint.of(bytes) {
                return (path, "not what \(FileRevisions.fileName) records")
            }
            if twins && !directory.twin(path + ".gz", decompressesTo: bytes) {
                return (path + ".gz", "does not decompress to \(path)")
            }
            return nil
        }
    }

    /// Every event's bytes from the first feed that holds its shared wording, and each
    /// municipality's or person's own wording from their feed.
    private static func eventBytes(
        _ read: [ReadFeed], members: [[Int]], checked: [CheckedEvent], plan: ExportPlan
    ) -> ([[UInt8]], [Int: [WordingScope: EncodedEvent]]) {
        var encoded = [[UInt8]](repeating: [], count: checked.count)
        var own: [Int: [WordingScope: EncodedEvent]] = [:]
        for (index, feed) in read.enumerated() {
            let scopes = plan.feeds[index].selection.wordingScopes
            for (position, block) in zip(members[index], feed.blocks) {
                if let variant = scopes.lazy.compactMap({ scope in
                    checked[position].own.first { $0.scope == scope }
                }).first {
                    own[position, default: [:]][variant.scope] = EncodedEvent(
                        bytes: Array(feed.bytes[block]), revised: variant.revised!)
                } else if encoded[position].isEmpty {
                    encoded[position] = Array(feed.bytes[block])
                }
            }
        }
        return (encoded, own)
    }

    /// One event, worded now and compared with its ledger lines.
    private struct CheckedEvent: Sendable {
        let uid: String
        /// The ledger key of the shared wording.
        let key: LedgerKey
        /// The revision the ledger records for the shared wording (nil when `changedKey`
        /// is not).
        let revised: Instant?
        /// Each municipality's and person's own wording: its ledger key and recorded revision.
        let own: [(scope: WordingScope, key: LedgerKey, revised: Instant?)]
        /// The standard feeds that hold the event.
        let feeds: [Int]
        /// The first ledger line an export would change: missing, marked removed, of
        /// another fingerprint or another state.
        let changedKey: String?

        init(_ worded: WordedEvent, ledger: EventLedger) {
            uid = worded.shared.uid
            key = worded.key
            feeds = worded.feeds
            var changedKey: String?
            func recorded(_ key: LedgerKey, fingerprint: String, state: EventState?) -> Instant? {
                guard let entry = ledger[key], entry.removed == nil, entry.has(fingerprint: fingerprint),
                    let revised = entry.revised, state == nil || entry.state == state
                else {
                    if changedKey == nil { changedKey = key.description }
                    return nil
                }
                return revised
            }
            own = worded.variants.map { variant in
                (
                    variant.scope, variant.key,
                    recorded(variant.key, fingerprint: variant.fingerprint, state: nil)
                )
            }
            revised = recorded(key, fingerprint: worded.fingerprint, state: worded.state)
            self.changedKey = changedKey
        }
    }

    /// One standard feed read from the folder and checked: its bytes, where each of its
    /// events lies in them, and what is wrong with it, if anything.
    private struct ReadFeed: Sendable {
        let path: String
        let bytes: [UInt8]
        let recorded: FileRevisions.Record?
        let blocks: [Range<Int>]
        /// The path at fault (the feed or its twin) and what is wrong.
        let problem: (path: String, reason: String)?

        /// - Parameters:
        ///   - read: The feed as the folder holds it, checked on its own.
        ///   - events: The events the data routes to the feed, in order, as their places in
        ///     `uids`, which every feed shares.
        init(
            path: String, read: ExportReading.FeedBytes, recorded: FileRevisions.Record?,
            envelope: (opening: [UInt8], closing: [UInt8]), events: [Int], uids: [String]
        ) {
            self.path = path
            self.recorded = recorded
            guard let bytes = read.bytes else {
                (self.bytes, blocks, problem) = ([], [], (path, "missing"))
                return
            }
            self.bytes = bytes
            guard recorded != nil, read.recorded else {
                (blocks, problem) = ([], (path, "not what \(FileRevisions.fileName) records"))
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
            guard blocks.count == events.count else {
                problem = (path, "holds \(blocks.count) event(s) where the data routes \(events.count)")
                return
            }
            if let (block, event) = zip(blocks, events).first(where: {
                !VEventBlocks.hasUID(bytes[$0], uids[$1])
            }) {
                let found = VEventBlocks.uid(in: bytes[block]) ?? "an event without UID"
                problem = (path, "holds \(found) where the data has \(uids[event])")
                return
            }
            guard read.twinMatches else {
                problem = (path + ".gz", "its trailer does not name \(path)'s bytes")
                return
            }
            problem = nil
        }
    }
}
