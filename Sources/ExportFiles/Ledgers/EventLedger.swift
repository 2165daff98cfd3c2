public import CalendarFeeds
public import Registry

/// Carries SEQUENCE numbers and revision times from one export to the next
/// (`Exports/sequences.tsv`).
///
/// Clients keep their copy of an event unless SEQUENCE rises, so it must rise exactly
/// when something a subscriber sees changes, and never fall. Removed events stay, so an
/// ID that comes back continues upward.
public struct EventLedger: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let sequence: Int
        /// `Fingerprint` of the event's significant fields.
        public var fingerprint: String { storedFingerprint.text }
        /// When an export saw this content first; nil in a three-column line (the event's
        /// document date stands in).
        public var revised: Instant? { Self.instant(revisedSeconds) }
        /// When an export first found the event gone; nil while it is published.
        public var removed: Instant? { Self.instant(removedSeconds) }
        /// What subscribers saw, for wording the next change; nil in older lines.
        public var state: EventState? { box?.state }
        // A ledger keeps an entry per event in one table, so each is kept small: the state
        // out of line, the fingerprint in two words, instants as seconds (`Int.min`: none).
        private let box: StateBox?
        private let revisedSeconds: Int
        private let removedSeconds: Int
        private let storedFingerprint: StoredFingerprint

        public init(
            sequence: Int, fingerprint: String, revised: Instant? = nil, removed: Instant? = nil,
            state: EventState? = nil
        ) {
            self.init(
                sequence: sequence, storedFingerprint: StoredFingerprint(fingerprint), revised: revised,
                removed: removed, state: state)
        }

        init(
            sequence: Int, storedFingerprint: StoredFingerprint, revised: Instant?, removed: Instant?,
            state: EventState?
        ) {
            self.sequence = sequence
            self.storedFingerprint = storedFingerprint
            self.revisedSeconds = revised?.secondsSinceEpoch ?? Int.min
            self.removedSeconds = removed?.secondsSinceEpoch ?? Int.min
            self.box = state.map(StateBox.init)
        }

        /// Whether the entry's fingerprint is `fingerprint`, without spelling it out.
        func has(fingerprint: String) -> Bool { storedFingerprint == StoredFingerprint(fingerprint) }

        private static func instant(_ seconds: Int) -> Instant? {
            seconds == Int.min ? nil : Instant(secondsSinceEpoch: seconds)
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            (a.sequence, a.storedFingerprint, a.revisedSeconds, a.removedSeconds) == (
                b.sequence, b.storedFingerprint, b.revisedSeconds, b.removedSeconds
            )
                && a.state == b.state
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(sequence)
            hasher.combine(storedFingerprint)
            hasher.combine(state)
        }
    }

    private final class StateBox: Sendable {
        let state: EventState
        init(_ state: EventState) { self.state = state }
    }

    /// What one event gets in one export, and the line it had before.
    public struct Assignment: Hashable, Sendable {
        public let sequence: Int
        public let revised: Instant
        /// The key's line before this export; nil for a key the ledger had not seen.
        public let previous: Entry?
    }

    public static let fileName = "sequences.tsv"

    // A hash table keeps room for a third more keys than it holds, and doubles past that:
    // its slots hold each key's place, and the lines lie in an array of their own size.
    private var places: [LedgerKey: Int] = [:]
    private var lines: [Entry] = []
    /// The shared keys of events that have a municipality's or a person's own line: few
    /// events do, and asking for each feed's key of every event would cost a lookup each.
    private var withOwnLines: Set<LedgerKey> = []

    public init() {}

    public subscript(key: LedgerKey) -> Entry? { places[key].map { lines[$0] } }

    /// Every key with its line, in no particular order.
    public var entries: some Collection<(key: LedgerKey, entry: Entry)> {
        places.lazy.map { [lines] key, place -> (key: LedgerKey, entry: Entry) in (key, lines[place]) }
    }

    /// Whether the event has a municipality's or a person's own line.
    public func hasOwnLines(_ uid: EventUID) -> Bool { withOwnLines.contains(LedgerKey(uid: uid)) }

    /// Makes room for `count` lines at once: a first export adds a line for every event,
    /// and a table that grows line by line holds its old storage beside the new at each step.
    public mutating func reserveCapacity(_ count: Int) {
        places.reserveCapacity(count)
        lines.reserveCapacity(count)
    }

    /// Sets `key`'s line, replacing the one it had.
    mutating func record(_ key: LedgerKey, _ entry: Entry) {
        if let place = places[key] {
            lines[place] = entry
        } else {
            places[key] = lines.count
            lines.append(entry)
            if key.isVariant { withOwnLines.insert(key.shared) }
        }
    }

    /// Equal ledgers hold equal lines, in whatever order they were recorded.
    public static func == (a: EventLedger, b: EventLedger) -> Bool {
        a.places.count == b.places.count && a.places.allSatisfy { b[$0.key] == a.lines[$0.value] }
    }

    /// The count alone: the one thing `==` compares that does not depend on the order.
    public func hash(into hasher: inout Hasher) { hasher.combine(places.count) }

    /// Assigns one event its SEQUENCE and revision, and records them.
    ///
    /// - Unchanged content keeps both (a three-column line's revision is `documentRevised`,
    ///   as the event's bytes already say).
    /// - Changed content, or an event that comes back, gets SEQUENCE + 1 and the revision
    ///   `now`, never earlier than `documentRevised` nor than one second after what the
    ///   ledger recorded before: revisions only move forward.
    /// - A new key gets SEQUENCE 0 and the revision `now` (in the first export, `now` is
    ///   nil: `documentRevised`). A municipality's new key continues from the UID's line,
    ///   so its SEQUENCE is above what the feed showed before.
    public mutating func assign(
        _ key: LedgerKey, fingerprint: String, documentRevised: Instant, now: Instant?, state: EventState?
    ) -> Assignment {
        let previous = self[key]
        let sequence: Int
        let revised: Instant
        if let before = previous ?? self[key.shared] {
            let beforeRevised = before.revised ?? documentRevised
            let sameContent = before.has(fingerprint: fingerprint)
            if sameContent && before.removed == nil {
                (sequence, revised) = (before.sequence, beforeRevised)
            } else {
                var moved = max(now ?? documentRevised, documentRevised, beforeRevised.adding(seconds: 1))
                if let removed = before.removed { moved = max(moved, removed.adding(seconds: 1)) }
                (sequence, revised) = (
                    sameContent ? before.sequence : before.sequence + 1, moved
                )
            }
        } else {
            (sequence, revised) = (0, max(now ?? documentRevised, documentRevised))
        }
        record(
            key,
            Entry(
                sequence: sequence, fingerprint: fingerprint, revised: revised,
                state: state ?? previous?.state))
        return Assignment(sequence: sequence, revised: revised, previous: previous)
    }

    /// Marks every line not in `published` and not already marked as removed at `now`,
    /// and returns those lines as they were, in key order. A removal already recorded
    /// keeps its instant.
    public mutating func recordRemovals(keeping published: Set<LedgerKey>, now: Instant)
        -> [(key: LedgerKey, entry: Entry)]
    {
        var removed: [(key: LedgerKey, entry: Entry)] = []
        let gone = places.filter { !published.contains($0.key) && lines[$0.value].removed == nil }.keys
        for (_, key) in Self.sorted(gone) {
            let place = places[key]!
            let entry = lines[place]
            lines[place] = Entry(
                sequence: entry.sequence, fingerprint: entry.fingerprint, revised: entry.revised ?? now,
                removed: now, state: entry.state)
            removed.append((key, entry))
        }
        return removed
    }

    /// The newest instant the ledger records: a revision or a removal.
    public var newestRecord: Instant? {
        lines.lazy.flatMap { [$0.revised, $0.removed].compactMap { $0 } }.max()
    }

    /// The newest removal the ledger records.
    public var newestRemoval: Instant? { lines.compactMap(\.removed).max() }

    /// Keys with their text, in the order of their text: the file's order.
    static func sorted(_ keys: some Collection<LedgerKey>) -> [(text: String, key: LedgerKey)] {
        keys.map { ($0.description, $0) }.sorted { $0.text < $1.text }
    }
}
