import CalendarFeeds
import Registry

/// The assemble step: each standard feed's bytes (its envelope around the events it
/// holds), their fingerprint, gzip twin and newest revision, one feed per task.
struct AssembledFeed: Sendable {
    let bytes: [UInt8]
    let fingerprint: String
    /// The `.ics.gz` twin, when asked for.
    let twin: [UInt8]?
    /// The newest revision among its events; nil for a feed with none.
    let newestEvent: Instant?

    static func assemble(_ plan: ExportPlan, _ events: [SequencedEvent], twins: Bool) -> [AssembledFeed] {
        let members = plan.members(events.lazy.map(\.feeds))
        return Parallel.map(Array(plan.feeds.indices)) { index in
            let selection = plan.feeds[index].selection
            let held = members[index].map { events[$0].encoded(for: selection) }
            let envelope = plan.envelopes[index]
            var bytes: [UInt8] = []
            bytes.reserveCapacity(
                held.reduce(envelope.opening.count + envelope.closing.count) { $0 + $1.bytes.count })
            bytes.append(contentsOf: envelope.opening)
            for event in held { bytes.append(contentsOf: event.bytes) }
            bytes.append(contentsOf: envelope.closing)
            return AssembledFeed(
                bytes: bytes, fingerprint: Fingerprint.of(bytes), twin: twins ? Gzip.compress(bytes) : nil,
                newestEvent: held.map(\.revised).max())
        }
    }
}
