import CalendarFeeds
import ICalendar
public import Registry

/// One event's iCalendar bytes (with its SEQUENCE) and its revision.
public struct EncodedEvent: Hashable, Sendable {
    public let bytes: [UInt8]
    public let revised: Instant

    public init(bytes: [UInt8], revised: Instant) {
        self.bytes = bytes
        self.revised = revised
    }
}

/// An event after the sequence and encode steps: its shared bytes, each municipality's
/// and person's own, and the feeds that hold it.
struct SequencedEvent: Sendable {
    let shared: EncodedEvent
    let own: [WordingScope: EncodedEvent]
    let feeds: [Int]

    /// The bytes and revision a feed of `selection` carries.
    func encoded(for selection: FeedSelection) -> EncodedEvent {
        for scope in selection.wordingScopes { if let own = own[scope] { return own } }
        return shared
    }
}

/// The sequence and encode steps: each worded event gets its SEQUENCE and revision from
/// the event ledger, in order, and libical's bytes; the change log hears what changed.
struct Sequencer {
    private(set) var ledger: EventLedger
    /// The change log's entries for what this export saw change, in order.
    private(set) var changes: [ChangeEntry] = []
    /// Every ledger line this export publishes.
    private(set) var published = Set<LedgerKey>()
    /// The revision of whatever changes; nil in the first export, where every event keeps
    /// its document's date and nothing is a change.
    private let now: Instant?
    private let encoder: ICalendarEncoder

    init(_ ledger: EventLedger, now: Instant, encoder: ICalendarEncoder) {
        self.ledger = ledger
        self.now = ledger.entries.isEmpty ? nil : now
        self.encoder = encoder
    }

    /// Words every event of `plan` a batch ahead on another core and sequences them here.
    mutating func run(_ plan: ExportPlan) -> [SequencedEvent] {
        var sequenced: [SequencedEvent] = []
        sequenced.reserveCapacity(plan.events.count)
        let previous = ledger
        ledger.reserveCapacity(plan.events.count)
        Pipeline.run(
            plan.events, prepare: { WordedEvent($0, plan: plan, previous: previous) },
            consume: { _, worded in
                for item in worded { sequenced.append(sequence(item)) }
            })
        return sequenced
    }

    /// One event: each municipality's and person's own wording first, so that a new one
    /// continues from what their feed showed (the shared line of the last export).
    mutating func sequence(_ item: WordedEvent) -> SequencedEvent {
        var own: [WordingScope: EncodedEvent] = [:]
        for variant in item.variants {
            own[variant.scope] = encode(
                variant.event, key: variant.key, fingerprint: variant.fingerprint)
        }
        let key = item.key
        let assignment = ledger.assign(
            key, fingerprint: item.fingerprint, documentRevised: item.shared.revised, now: now,
            state: item.state)
        changes += ChangeDetection.eventChanges(
            uid: item.shared.uid, eventKind: item.kind, fingerprint: item.fingerprint,
            assignment: assignment,
            state: item.state, notes: item.notes, now: now)
        return SequencedEvent(shared: encode(item.shared, key: key, assignment), own: own, feeds: item.feeds)
    }

    private mutating func encode(_ event: VEvent, key: LedgerKey, fingerprint: String) -> EncodedEvent {
        let assignment = ledger.assign(
            key, fingerprint: fingerprint, documentRevised: event.revised, now: now, state: nil)
        return encode(event, key: key, assignment)
    }

    private mutating func encode(_ event: VEvent, key: LedgerKey, _ assignment: EventLedger.Assignment)
        -> EncodedEvent
    {
        var event = event
        event.revised = assignment.revised
        published.insert(key)
        return EncodedEvent(
            bytes: encoder.encode(event, sequence: assignment.sequence), revised: assignment.revised)
    }
}
