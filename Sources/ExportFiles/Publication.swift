public import CalendarFeeds
public import ICalendar
public import Registry

/// Everything Samverkan publishes, rendered once: the events, their SEQUENCE numbers,
/// each event's iCalendar bytes, and every file of the export.
///
/// `samverkan export` writes its files to `Exports/`; `samverkan serve` serves the same
/// bytes and builds custom feeds from the same encoded events, so nothing is derived or
/// encoded twice and the two can never disagree.
public struct Publication: Sendable {
    /// The registry's events, in `Event.precedes` order.
    public let events: [Event]
    /// Each event's VEVENT bytes with its SEQUENCE, in the order of `events`.
    public let encodedEvents: [[UInt8]]
    /// The standard feeds, in the order of their files.
    public let feeds: [Feed]
    /// The ledger as this export leaves it.
    public let ledger: SequenceLedger
    /// Every file: the standard feeds (in `feeds` order), the spreadsheet and Popolo
    /// exports, then the ledger.
    public private(set) var files: [ExportFile]

    /// Renders the registry.
    ///
    /// - Parameters:
    ///   - registry: What to publish.
    ///   - ledger: The ledger of the previous export (empty for the first one).
    ///   - encoder: The iCalendar encoder; its zone is the feeds' VTIMEZONE.
    public init(registry: Registry, previous ledger: SequenceLedger, encoder: ICalendarEncoder) {
        var ledger = ledger
        let events = registry.events()
        let feeds = registry.standardFeeds()
        let envelopes = feeds.map { encoder.envelope($0.header) }
        var encodedEvents: [[UInt8]] = []
        encodedEvents.reserveCapacity(events.count)
        // One pass over the events: each is worded and encoded once, and its bytes go into
        // every feed that holds it.
        var contents = envelopes.map(\.opening)
        var revised = [Day?](repeating: nil, count: feeds.count)
        for event in events {
            let calendarEvent = registry.calendarEvent(event)
            let bytes = encoder.encode(
                calendarEvent, sequence: ledger.sequence(for: calendarEvent, kind: event.kind))
            for index in feeds.indices where feeds[index].selection.includes(event) {
                contents[index].append(contentsOf: bytes)
                revised[index] = max(revised[index] ?? calendarEvent.revised, calendarEvent.revised)
            }
            encodedEvents.append(bytes)
        }
        var files: [ExportFile] = []
        files.reserveCapacity(feeds.count + 3)
        for index in feeds.indices {
            // Finish each feed in place and hand its buffer over: no second copy of the bytes.
            var bytes: [UInt8] = []
            swap(&bytes, &contents[index])
            bytes.append(contentsOf: envelopes[index].closing)
            files.append(
                ExportFile(
                    path: feeds[index].path, bytes: bytes,
                    lastModified: revised[index] ?? registry.latestRevision))
        }
        let latest = registry.latestRevision
        files.append(
            ExportFile(path: "representatives.csv", text: registry.representativesCSV(), lastModified: latest)
        )
        files.append(
            ExportFile(
                path: "popolo.json", text: registry.popoloJSON(zone: encoder.zone), lastModified: latest))
        files.append(ExportFile(path: SequenceLedger.fileName, text: ledger.tsv, lastModified: latest))
        self.events = events
        self.encodedEvents = encodedEvents
        self.feeds = feeds
        self.ledger = ledger
        self.files = files
    }

    /// Hands the files over and leaves none behind, so a caller that turns them into
    /// something else (response buffers) never holds two copies of every byte.
    public mutating func takeFiles() -> [ExportFile] {
        var taken: [ExportFile] = []
        swap(&taken, &files)
        return taken
    }
}
