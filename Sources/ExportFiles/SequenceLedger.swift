import CalendarFeeds
import Crypto
public import ICalendar
public import Registry

/// Carries SEQUENCE numbers and revision times from one export to the next.
///
/// Clients keep their copy of an event unless SEQUENCE rises, so it must rise exactly
/// when something a subscriber sees changes, and never fall. The ledger remembers, per
/// UID, the last SEQUENCE, a fingerprint of the event's significant content, the instant
/// an export saw that content change (`revised`: the event's DTSTAMP and LAST-MODIFIED),
/// and when it was removed. It is written to `Exports/sequences.tsv` beside the feeds and
/// read back by the next export. Removed events stay in the ledger, so an ID that comes
/// back continues upward.
///
/// It also remembers, per exported file, its revision and a fingerprint of its bytes
/// (`Exports/revisions.tsv`): a file's Last-Modified and mtime stay put while its bytes
/// do, and move forward when they change, whatever the change (a moved, new or removed
/// event, a calendar header), so a conditional request never gets a stale 304.
public struct SequenceLedger: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let sequence: Int
        public let fingerprint: String
        /// When an export saw this content first; nil in a ledger of the old
        /// three-column format (the event's document date stands in).
        public let revised: Instant?
        /// When an export first found the event gone; nil while it is published.
        public let removed: Instant?
        /// What subscribers saw, for wording the next change; nil in older ledgers.
        public let state: EventState?

        public init(
            sequence: Int, fingerprint: String, revised: Instant? = nil, removed: Instant? = nil,
            state: EventState? = nil
        ) {
            self.sequence = sequence
            self.fingerprint = fingerprint
            self.revised = revised
            self.removed = removed
            self.state = state
        }
    }

    /// One exported file's revision: its Last-Modified, and the bytes it was for.
    public struct FileRevision: Hashable, Sendable {
        public let revised: Instant
        public let fingerprint: String

        public init(revised: Instant, fingerprint: String) {
            self.revised = revised
            self.fingerprint = fingerprint
        }
    }

    /// What one event gets in one export.
    public struct Assignment: Hashable, Sendable {
        public let sequence: Int
        public let revised: Instant
    }

    public private(set) var entries: [String: Entry]
    /// The UIDs that have a municipality's own line (`variantKey`): few events do, and
    /// asking for each municipality's key of every event would cost a string each.
    public private(set) var variantUIDs: Set<String>
    /// Per path under `Exports/`; files that are no longer exported stay, so a path that
    /// comes back continues forward.
    public private(set) var files: [String: FileRevision]
    /// The change log (`Exports/changes.tsv`), oldest first.
    public private(set) var changes: [ChangeEntry]
    /// Who held each municipality's seats at the last export (`Exports/seats.tsv`), by key.
    public private(set) var seats: [String: SeatState]

    public init(
        entries: [String: Entry] = [:], files: [String: FileRevision] = [:], changes: [ChangeEntry] = [],
        seats: [String: SeatState] = [:]
    ) {
        self.entries = entries
        self.variantUIDs = Self.variantUIDs(of: entries.keys)
        self.files = files
        self.changes = changes
        self.seats = seats
    }

    /// The UIDs of the variant keys among `keys`.
    private static func variantUIDs(of keys: some Collection<String>) -> Set<String> {
        Set(
            keys.compactMap { key in
                guard key.utf8.contains(UInt8(ascii: "#")), let marker = key.firstRange(of: variantMarker)
                else {
                    return nil
                }
                return String(key[..<marker.lowerBound])
            })
    }

    /// What separates a UID from the municipality in a variant key.
    private static let variantMarker = "#municipalities/"

    public static let fileName = "sequences.tsv"
    public static let filesFileName = "revisions.tsv"
    public static let changesFileName = "changes.tsv"
    public static let seatsFileName = "seats.tsv"

    static let seatsHeader =
        "# Who held each municipality's seats at the last export, written by `samverkan export`:\n"
        + "# municipality, body, role, holders, since. Commit it with the feeds; never edit it by hand.\n"

    static let header =
        "# SEQUENCE ledger written by `samverkan export`: UID, SEQUENCE, content fingerprint,\n"
        + "# revised (UTC, DTSTAMP and LAST-MODIFIED), removed (UTC, empty while published),\n"
        + "# then what subscribers saw: timing, place, status, title, municipalities, URL, and for a\n"
        + "# deadline the answers recorded. UID#municipalities/SLUG is that municipality's own\n"
        + "# wording of the event, in its feed.\n"
        + "# Commit it with the feeds; never edit it by hand.\n"

    static let filesHeader =
        "# Revisions of the exported files written by `samverkan export`: path, revised (UTC,\n"
        + "# Last-Modified and mtime), fingerprint of the bytes. Commit it with the feeds.\n"

    /// Reads a ledger (three columns, as before revisions were kept, or five); the
    /// message names the line that is malformed.
    public init(
        tsv text: String, files filesText: String? = nil, changes changesText: String? = nil,
        seats seatsText: String? = nil
    ) throws(LedgerError) {
        // A large ledger is read in parts, one per core; a later line for the same key wins,
        // as it would reading top to bottom, and the first malformed line is the one named.
        let lines = Self.lines(text)
        let parsed = Parallel.map(Parallel.parts(lines.count, size: Self.linesPerPart)) { part in
            Result { () throws(LedgerError) in try Self.entries(lines[part], firstIndex: part.lowerBound) }
        }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for part in parsed {
            entries.merge(try part.get(), uniquingKeysWith: { _, later in later })
        }
        var files: [String: FileRevision] = [:]
        for (index, line) in Self.lines(filesText ?? "").enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = Self.fields(line)
            guard fields.count == 3, !fields[0].isEmpty, let revised = Instant(iso: fields[1]) else {
                throw LedgerError(line: index + 1, text: String(line), file: Self.filesFileName)
            }
            files[String(fields[0])] = FileRevision(revised: revised, fingerprint: String(fields[2]))
        }
        var changes: [ChangeEntry] = []
        for (index, line) in Self.lines(changesText ?? "").enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let entry = ChangeEntry(tsvLine: line) else {
                throw LedgerError(line: index + 1, text: String(line), file: Self.changesFileName)
            }
            changes.append(entry)
        }
        var seats: [String: SeatState] = [:]
        for (index, line) in (seatsText ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let from = fields.count == 5 ? Day(iso: fields[4]) : nil
            guard fields.count == 5, !fields[0].isEmpty, !fields[3].isEmpty, fields[4].isEmpty || from != nil
            else {
                throw LedgerError(line: index + 1, text: String(line), file: Self.seatsFileName)
            }
            let key = fields[0..<3].joined(separator: "\t")
            seats[key] = SeatState(key: key, holders: String(fields[3]), from: from)
        }
        self.entries = entries
        self.variantUIDs = Self.variantUIDs(of: entries.keys)
        self.files = files
        self.changes = changes
        self.seats = seats
    }

    /// Lines of `sequences.tsv` read by one core.
    static let linesPerPart = 16_384

    /// The entries of some lines of `sequences.tsv`; `firstIndex` is the first line's index
    /// in the file, for naming a malformed one.
    private static func entries(_ lines: ArraySlice<Substring>, firstIndex: Int) throws(LedgerError)
        -> [String: Entry]
    {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for (offset, line) in lines.enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let index = firstIndex + offset
            let fields = Self.fields(line)
            guard [3, 5, 11, 12].contains(fields.count), let sequence = Int(fields[1]),
                sequence >= 0,
                !fields[0].isEmpty
            else {
                throw LedgerError(line: index + 1, text: String(line))
            }
            var revised: Instant?
            var removed: Instant?
            let state = fields.count >= 11 ? EventState(columns: fields[5...]) : nil
            if fields.count >= 5 {
                guard let instant = Instant(iso: fields[3]) else {
                    throw LedgerError(line: index + 1, text: String(line))
                }
                revised = instant
                if !fields[4].isEmpty {
                    guard let instant = Instant(iso: fields[4]) else {
                        throw LedgerError(line: index + 1, text: String(line))
                    }
                    removed = instant
                }
            }
            entries[String(fields[0])] = Entry(
                sequence: sequence, fingerprint: String(fields[2]), revised: revised, removed: removed,
                state: state)
        }
        return entries
    }

    /// Records who holds each seat now. A seat whose holders differ from the last export's
    /// becomes a change-log entry dated `now`; the first export that keeps seats (the
    /// ledger knows none) only records them, as the change log starts empty.
    mutating func recordSeats(
        _ current: [String: SeatState], registry: Registry, now: Instant, siteMap: SiteMap
    ) {
        let first = seats.isEmpty
        for key in current.keys.sorted() {
            let state = current[key]!
            if !first, let old = seats[key]?.holders, old != state.holders,
                let (text, municipality) = registry.replacementSentence(old: old, new: state)
            {
                changes.append(
                    ChangeEntry(
                        date: now, uid: "seat-" + key.split(separator: "\t").joined(separator: "-"),
                        kind: .replaced, municipalities: [municipality], text: text,
                        url: siteMap.municipalityPage(slug: municipality).flatMap(siteMap.url)))
            }
        }
        seats = current
    }

    /// `seats.tsv`, sorted by key.
    public var seatsTSV: String {
        var text = Self.seatsHeader
        for key in seats.keys.sorted() {
            text += ([key] + seats[key]!.columns.map(ChangeEntry.clean)).joined(separator: "\t") + "\n"
        }
        return text
    }

    /// The lines of a ledger file, split on its UTF-8 bytes: `\n` is never part of a
    /// multi-byte character, and walking bytes is many times faster than walking
    /// characters over a ledger of 100,000 lines.
    static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The tab-separated fields of one line, split on its UTF-8 bytes.
    static func fields(_ line: Substring) -> [Substring] {
        line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// `changes.tsv`, oldest first.
    public var changesTSV: String {
        ChangeEntry.header + changes.map(\.tsvLine).joined()
    }

    /// Sorted by UID, so the file diffs cleanly. The first three columns are as they were.
    /// Written as bytes: a ledger of 100,000 events is 40 MB, and appending to a `String`
    /// piece by piece took seconds of the server's start-up.
    public var tsv: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 256)
        bytes.append(contentsOf: Self.header.utf8)
        let tab = UInt8(ascii: "\t")
        for uid in entries.keys.sorted() {
            let entry = entries[uid]!
            bytes.append(contentsOf: uid.utf8)
            bytes.append(tab)
            bytes.append(contentsOf: String(entry.sequence).utf8)
            bytes.append(tab)
            bytes.append(contentsOf: entry.fingerprint.utf8)
            if let revised = entry.revised {
                bytes.append(tab)
                bytes.append(contentsOf: revised.description.utf8)
                bytes.append(tab)
                if let removed = entry.removed { bytes.append(contentsOf: removed.description.utf8) }
                for column in entry.state?.columns ?? [] {
                    bytes.append(tab)
                    bytes.append(contentsOf: column.utf8)
                }
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `revisions.tsv`, sorted by path.
    public var filesTSV: String {
        var text = Self.filesHeader
        for path in files.keys.sorted() {
            let file = files[path]!
            text += "\(path)\t\(file.revised)\t\(file.fingerprint)\n"
        }
        return text
    }

    /// The newest instant the ledger records: a revision or a removal.
    public var newestRecord: Instant? {
        var newest: Instant?
        for entry in entries.values {
            for instant in [entry.revised, entry.removed].compactMap({ $0 }) {
                newest = max(newest ?? instant, instant)
            }
        }
        for file in files.values { newest = max(newest ?? file.revised, file.revised) }
        return newest
    }

    /// The newest removal the ledger records.
    public var newestRemoval: Instant? {
        entries.values.compactMap(\.removed).max()
    }

    /// Assigns one event its SEQUENCE and records it: unchanged content keeps it,
    /// changed content raises it by one, a new UID starts at 0. Asking again for the same
    /// content in the same export gives the same answer.
    public mutating func sequence(for event: VEvent, kind: Event.Kind) -> Int {
        assign(event, kind: kind, now: nil).sequence
    }

    /// Assigns one event its SEQUENCE and revision, and records them.
    ///
    /// - Unchanged content keeps both (an old three-column line's revision is the event's
    ///   document date, as its bytes already say).
    /// - Changed content, or an event that comes back, gets SEQUENCE + 1 and the revision
    ///   `now`, never earlier than its document date nor than one second after what the
    ///   ledger recorded before: revisions only move forward.
    /// - A new UID gets SEQUENCE 0 and the revision `now` (not earlier than its document
    ///   date); in the first export (`now` nil) its document date.
    /// With `state` (what subscribers see of it) the change is also worded into the change
    /// log, when the ledger knew the event's previous state or the event is new (not in
    /// the first export).
    ///
    /// - Parameters:
    ///   - key: The ledger line, when it is not the UID: a municipality's own wording of
    ///     an event (`uid#municipalities/bjuv`, see `variantKey`). A key the ledger has not
    ///     seen continues from the UID's line, so its SEQUENCE is above what the feed
    ///     showed before.
    ///   - notes: Changes worded by the caller (answers), logged when the answers in
    ///     `state` differ from those the ledger recorded; they stand in for a plain
    ///     "has changed".
    ///   - fingerprint: `fingerprint(event, kind:)`, when the caller worked it out already.
    public mutating func assign(
        _ event: VEvent, kind: Event.Kind, now: Instant?, state: EventState? = nil, key: String? = nil,
        notes: [ChangeNote] = [], fingerprint: String? = nil
    ) -> Assignment {
        let key = key ?? event.uid
        let fingerprint = fingerprint ?? Self.fingerprint(event, kind: kind)
        let assignment: Assignment
        if let previous = entries[key] ?? entries[event.uid] {
            let previousRevision = previous.revised ?? event.revised
            if previous.fingerprint == fingerprint && previous.removed == nil {
                assignment = Assignment(sequence: previous.sequence, revised: previousRevision)
            } else {
                var revised = max(now ?? event.revised, event.revised, previousRevision.adding(seconds: 1))
                if let removed = previous.removed { revised = max(revised, removed.adding(seconds: 1)) }
                assignment = Assignment(
                    sequence: previous.fingerprint == fingerprint ? previous.sequence : previous.sequence + 1,
                    revised: revised)
            }
        } else {
            assignment = Assignment(sequence: 0, revised: max(now ?? event.revised, event.revised))
        }
        let previous = entries[key]
        let answersChanged =
            previous?.removed == nil && previous?.state.map { $0.answers != state?.answers } == true
        if let state, now != nil, previous?.fingerprint != fingerprint || previous?.removed != nil {
            let old = previous?.removed == nil ? previous?.state : nil
            if previous == nil || previous?.removed != nil || old != nil {
                let change = ChangeWording.kind(eventKind: kind, old: old, new: state)
                if !(change == .changed && answersChanged && !notes.isEmpty) {
                    changes.append(
                        ChangeEntry(
                            date: assignment.revised, uid: event.uid, kind: change,
                            municipalities: state.municipalities,
                            text: ChangeWording.sentence(kind: change, eventKind: kind, old: old, new: state),
                            url: state.url.isEmpty ? nil : state.url))
                }
            }
        }
        if let state, let now, answersChanged {
            // An answer can leave the event's own text as it was (more time asked, in the
            // collaboration's feed) and still change a municipality's: dated now.
            let date =
                previous?.fingerprint == fingerprint ? max(now, assignment.revised) : assignment.revised
            for note in notes {
                changes.append(
                    ChangeEntry(
                        date: date, uid: event.uid, kind: note.kind, municipalities: note.municipalities,
                        text: note.text, url: state.url.isEmpty ? nil : state.url))
            }
        }
        entries[key] = Entry(
            sequence: assignment.sequence, fingerprint: fingerprint, revised: assignment.revised,
            state: state ?? previous?.state)
        if key != event.uid { variantUIDs.insert(event.uid) }
        return assignment
    }

    /// The ledger line of the feed of one municipality's own wording of an event:
    /// `deadline-…@familjenhelsingborg.se#municipalities/bjuv`.
    public static func variantKey(uid: String, municipalitySlug slug: String) -> String {
        uid + variantMarker + slug
    }

    /// Records, for every UID not in `published` and not already marked, that it was
    /// removed at `now`. A removal already recorded keeps its instant.
    public mutating func recordRemovals(keeping published: Set<String>, now: Instant) {
        for uid in entries.keys.sorted() where !published.contains(uid) && entries[uid]!.removed == nil {
            let entry = entries[uid]!
            entries[uid] = Entry(
                sequence: entry.sequence, fingerprint: entry.fingerprint, revised: entry.revised ?? now,
                removed: now, state: entry.state)
            if let state = entry.state {
                let kind = Event.Kind.fromUID(uid)
                changes.append(
                    ChangeEntry(
                        date: now, uid: uid, kind: .removed, municipalities: state.municipalities,
                        text: ChangeWording.sentence(kind: .removed, eventKind: kind, old: state, new: state),
                        url: nil))
            }
        }
    }

    /// A file's Last-Modified, recorded: unchanged bytes keep their revision; changed
    /// bytes get the newest of `candidate` (the newest revision of what the file holds),
    /// `now` and one second after the revision recorded before; a path never seen gets
    /// `candidate`.
    public mutating func revision(ofFile path: String, bytes: [UInt8], candidate: Instant, now: Instant?)
        -> Instant
    {
        revision(ofFile: path, fingerprint: Self.fingerprint(bytes), candidate: candidate, now: now)
    }

    /// The same, for bytes whose fingerprint (`fingerprint(_:)`) is already known.
    mutating func revision(ofFile path: String, fingerprint: String, candidate: Instant, now: Instant?)
        -> Instant
    {
        let revised: Instant
        if let previous = files[path] {
            revised =
                previous.fingerprint == fingerprint
                ? previous.revised
                : max(candidate, now ?? candidate, previous.revised.adding(seconds: 1))
        } else {
            revised = candidate
        }
        files[path] = FileRevision(revised: revised, fingerprint: fingerprint)
        return revised
    }

    /// The fingerprint `assign` compares: of the fields whose change raises SEQUENCE. It
    /// depends on the event alone, so an export works it out beside the ledger and hands it
    /// to `assign`.
    public static func fingerprint(_ event: VEvent, kind: Event.Kind) -> String {
        fingerprint(significantFields(event, kind: kind))
    }

    /// Everything a subscriber would notice changing: a change here raises SEQUENCE.
    /// DTSTAMP and LAST-MODIFIED are left out on purpose (they follow from the change).
    static func significantFields(_ event: VEvent, kind: Event.Kind) -> [String] {
        let timingText: String
        switch event.timing {
        case .timed(let day, let from, let to): timingText = "\(day)T\(from)-\(to)"
        case .allDay(let day): timingText = "\(day)"
        }
        return [
            event.uid, kind.rawValue, timingText, event.summary, event.description, event.location ?? "",
            event.status.rawValue, event.alarm.map { "\($0.minutesBefore) \($0.description)" } ?? "",
        ] + (event.url.map { [$0] } ?? [])
    }

    /// SHA-256 of bytes, hex, truncated to 128 bits.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes).prefix(16))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// SHA-256 of the significant fields, hex, truncated to 128 bits.
    static func fingerprint(_ fields: [String]) -> String {
        // The fields joined by U+001F, fed to the hash piece by piece rather than copied
        // into one string first.
        var hasher = SHA256()
        for (index, field) in fields.enumerated() {
            if index > 0 { hasher.update(data: [0x1F]) }
            var field = field
            field.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hex(hasher.finalize().prefix(16))
    }
}

public struct LedgerError: Error, CustomStringConvertible {
    public let line: Int
    public let text: String
    public let file: String

    public init(line: Int, text: String, file: String = SequenceLedger.fileName) {
        self.line = line
        self.text = text
        self.file = file
    }

    public var description: String {
        file == SequenceLedger.fileName
            ? "\(file):\(line): expected UID<TAB>SEQUENCE<TAB>FINGERPRINT[<TAB>REVISED<TAB>REMOVED], "
                + "found '\(text)'"
            : "\(file):\(line): expected PATH<TAB>REVISED<TAB>FINGERPRINT, found '\(text)'"
    }
}
