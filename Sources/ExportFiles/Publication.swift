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
    /// Each event's revision (its DTSTAMP and LAST-MODIFIED), in the order of `events`.
    public let revisions: [Instant]
    /// Every subscriber-visible change the exports have seen, newest first.
    public let changes: [ChangeEntry]
    /// The standard feeds, in the order of their files.
    public let feeds: [Feed]
    /// The ledger as this export leaves it.
    public let ledger: SequenceLedger
    /// Every file: the standard feeds (in `feeds` order), their gzip twins (`.ics.gz`, in
    /// the same order), the spreadsheet and Popolo exports, the Atom change logs (each
    /// with its `.gz`), then the ledgers (`sequences.tsv`, `revisions.tsv`, `changes.tsv`).
    public private(set) var files: [ExportFile]

    /// Whether `files` holds the feeds' gzip twins. `serve` renders without them (they are
    /// most of the time of a large export) and checks the twins on disk by decompressing
    /// them (`ExportDirectory.staleFiles(comparedWith:)`).
    public let includesFeedTwins: Bool

    /// Renders the registry.
    ///
    /// The events are worded, sequenced and encoded one after another (the ledger and
    /// libical see them in order); everything that does not depend on that order runs
    /// beside it on the other cores: the Popolo and CSV exports while the events are
    /// encoded, then the feeds' fingerprints and gzip twins, one feed per task.
    ///
    /// - Parameters:
    ///   - registry: What to publish.
    ///   - ledger: The ledger of the previous export (empty for the first one).
    ///   - encoder: The iCalendar encoder; its zone is the feeds' VTIMEZONE.
    ///   - now: When this export runs: the revision of whatever it sees change (read from
    ///     the clock by the command line only). Unchanged data and ledger never use it, so
    ///     the same data and ledger give the same bytes. Nil: one second after the newest
    ///     instant the ledger records (deterministic, for tests and `serve`).
    ///   - feedTwins: Whether to compress each feed into its `.ics.gz` twin; `serve` does
    ///     not need them in memory.
    public init(
        registry: Registry, previous ledger: SequenceLedger, encoder: ICalendarEncoder, now: Instant? = nil,
        feedTwins: Bool = true
    ) {
        var ledger = ledger
        let firstExport = ledger.entries.isEmpty
        let now =
            now ?? ledger.newestRecord.map { $0.adding(seconds: 1) } ?? Instant(registry.latestRevision)
        // The spreadsheet and Popolo exports depend on the registry alone: made on another
        // core while this one encodes the events.
        let zone = encoder.zone
        let others = Parallel.background {
            [
                ("representatives.csv", Array(registry.representativesCSV().utf8)),
                ("popolo.json", Array(registry.popoloJSON(zone: zone).utf8)),
            ]
        }
        let events = registry.events()
        let feeds = registry.standardFeeds()
        let routing = FeedRouting(feeds)
        var slugs: [Municipality.ID: String] = [:]
        for id in registry.municipalities.map(\.id) where slugs[id] == nil { slugs[id] = registry[id]?.slug }
        let envelopes = feeds.map { encoder.envelope($0.header) }
        var encodedEvents: [[UInt8]] = []
        encodedEvents.reserveCapacity(events.count)
        var revisions: [Instant] = []
        revisions.reserveCapacity(events.count)
        var published = Set<String>()
        // One pass over the events: each is worded and encoded once, and its bytes go into
        // every feed that holds it.
        var contents = envelopes.map(\.opening)
        var revised = [Instant?](repeating: nil, count: feeds.count)
        for event in events {
            var calendarEvent = registry.calendarEvent(event)
            let state = Self.state(of: event, calendarEvent, slugs: slugs)
            let assignment = ledger.assign(
                calendarEvent, kind: event.kind, now: firstExport ? nil : now, state: state)
            calendarEvent.revised = assignment.revised
            published.insert(calendarEvent.uid)
            let bytes = encoder.encode(calendarEvent, sequence: assignment.sequence)
            for index in routing.feeds(holding: event) {
                contents[index].append(contentsOf: bytes)
                revised[index] = max(revised[index] ?? assignment.revised, assignment.revised)
            }
            encodedEvents.append(bytes)
            revisions.append(assignment.revised)
        }
        ledger.recordRemovals(keeping: published, now: now)
        let latest = Instant(registry.latestRevision)
        for index in feeds.indices { contents[index].append(contentsOf: envelopes[index].closing) }
        // Each feed's fingerprint (and twin), one feed per task; then the ledger, in order.
        let finished = Parallel.map(contents) { bytes in
            (fingerprint: SequenceLedger.fingerprint(bytes), twin: feedTwins ? Gzip.compress(bytes) : nil)
        }
        var files: [ExportFile] = []
        files.reserveCapacity(2 * feeds.count + 4)
        for index in feeds.indices {
            // Hand each feed's buffer over: no second copy of the bytes.
            var bytes: [UInt8] = []
            swap(&bytes, &contents[index])
            let modified = ledger.revision(
                ofFile: feeds[index].path, fingerprint: finished[index].fingerprint,
                candidate: revised[index] ?? latest, now: now)
            files.append(ExportFile(path: feeds[index].path, bytes: bytes, lastModified: modified))
        }
        // Beside each feed its gzip twin, for nginx's gzip_static: the same revision, so
        // both answer conditional requests alike.
        for index in feeds.indices {
            guard let twin = finished[index].twin else { continue }
            files.append(
                ExportFile(
                    path: feeds[index].path + ".gz", bytes: twin, lastModified: files[index].lastModified))
        }
        for (path, bytes) in others.value() {
            let modified = ledger.revision(ofFile: path, bytes: bytes, candidate: latest, now: now)
            files.append(ExportFile(path: path, bytes: bytes, lastModified: modified))
        }
        // The change log as Atom: everything, and one per municipality.
        let publicURL = registry.publicURL ?? "https://kalender.familjenhelsingborg.se"
        let changes = Array(ledger.changes.reversed())
        var atoms: [(String, String)] = [
            (
                "changes.atom",
                AtomFeed.document(
                    entries: changes, path: "changes.atom",
                    title: "Familjen Helsingborg: ändringar i kalendern",
                    publicURL: publicURL, alternate: "\(publicURL)/", updated: latest)
            )
        ]
        for municipality in registry.municipalities.sorted(by: { $0.slug < $1.slug }) {
            let path = "changes/\(municipality.slug).atom"
            atoms.append(
                (
                    path,
                    AtomFeed.document(
                        entries: changes.filter { $0.municipalities.contains(municipality.slug) }, path: path,
                        title: "Familjen Helsingborg: ändringar för \(municipality.name)",
                        publicURL: publicURL,
                        alternate: "\(publicURL)/kommuner/\(municipality.slug)", updated: latest)
                ))
        }
        // No older than the newest change they carry, even the first time they are written.
        let newestChange = changes.first.map { max($0.date, latest) } ?? latest
        for (path, text) in atoms {
            let bytes = Array(text.utf8)
            let modified = ledger.revision(ofFile: path, bytes: bytes, candidate: newestChange, now: now)
            files.append(ExportFile(path: path, bytes: bytes, lastModified: modified))
            files.append(ExportFile(path: path + ".gz", bytes: Gzip.compress(bytes), lastModified: modified))
        }
        // The ledgers change whenever anything does: as new as the newest file.
        let newest = files.map(\.lastModified).max() ?? latest
        files.append(ExportFile(path: SequenceLedger.fileName, text: ledger.tsv, lastModified: newest))
        files.append(
            ExportFile(path: SequenceLedger.filesFileName, text: ledger.filesTSV, lastModified: newest))
        files.append(
            ExportFile(path: SequenceLedger.changesFileName, text: ledger.changesTSV, lastModified: newest))
        self.changes = changes
        self.events = events
        self.encodedEvents = encodedEvents
        self.revisions = revisions
        self.feeds = feeds
        self.ledger = ledger
        self.files = files
        self.includesFeedTwins = feedTwins
    }

    /// The changes that concern one municipality, newest first.
    public func changes(for municipality: Municipality) -> [ChangeEntry] {
        changes.filter { $0.municipalities.contains(municipality.slug) }
    }

    /// What subscribers see of an event, for wording its next change.
    /// - Parameter slugs: Each municipality's slug, worked out once for all events.
    static func state(of event: Event, _ calendarEvent: VEvent, slugs: [Municipality.ID: String])
        -> EventState
    {
        let timing: String
        switch calendarEvent.timing {
        case .timed(let day, let from, let to): timing = "\(day)T\(from)-\(to)"
        case .allDay(let day): timing = "\(day)"
        }
        return EventState(
            timing: timing, location: calendarEvent.location ?? "", status: calendarEvent.status.rawValue,
            title: event.title,
            municipalities: event.municipalities.compactMap { slugs[$0] }.sorted(),
            url: calendarEvent.url ?? "")
    }

    /// Hands the files over and leaves none behind, so a caller that turns them into
    /// something else (response buffers) never holds two copies of every byte.
    public mutating func takeFiles() -> [ExportFile] {
        var taken: [ExportFile] = []
        swap(&taken, &files)
        return taken
    }
}
