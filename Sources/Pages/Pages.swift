public import CalendarFeeds
import ExportFiles
import ICalendar
import Registry

/// The web pages: the start page, one per municipality, body, meeting and decision, the
/// folders' own pages and overviews, and the service's pages (`/om`, `/tillganglighet`,
/// `/sok`). Each builder is a pure function of the site, with no day in it: the pages
/// `samverkan export` commits are the same bytes whatever day it runs, and `serve` serves
/// those same pages. What depends on today is worked out by the page's script from the
/// dates in the page. The builders gather plain values (`Views.swift`); the templates in
/// `Templates/` turn them into HTML and escape every value.
public enum Pages {
    /// The page at `path` (`SiteMap.page(at:)`), or nil when the site has no such page.
    public static func page(at path: some StringProtocol, site: Site) -> String? {
        site.siteMap.page(at: path).flatMap { page($0, site: site) }
    }

    /// The HTML of `page`, or nil when the registry has no such record.
    public static func page(_ page: SiteMap.Page, site: Site) -> String? {
        let registry = site.registry
        switch page {
        case .home: return home(site: site)
        case .municipality(let id): return registry[id].map { municipality($0, site: site) }
        case .body(let id): return registry[id].map { body($0, site: site) }
        case .meeting(let id): return registry[id].map { meeting($0, site: site) }
        case .decision(let id): return registry[id].map { decision($0, site: site) }
        case .followUp(let id): return registry[id].map { followUp(of: $0, site: site) }
        case .index(let folder): return index(folder, site: site)
        case .about: return about(site: site)
        case .accessibility: return accessibility(site: site)
        case .search: return search(site: site)
        case .person(let id):
            guard site.siteMap.hasPage(id) else { return nil }
            return registry[id].map { person($0, site: site) }
        }
    }

    /// The Swedish page for an address the site does not have, leading back to the start.
    public static func notFound(site: Site) -> String {
        let view = ListView(
            frame: Frame(
                site: site, title: "Sidan finns inte – Familjen Helsingborg", heading: "Sidan finns inte",
                lead: "Adressen leder inte till någon sida här. Den kan ha ändrats, eller skrivits fel.",
                description: "Sidan finns inte.", current: "Sidan finns inte"),
            intro: nil,
            groups: [
                ListView.Group(groupHeading: "Gå vidare", groupID: "vidare", links: overviewLinks(site))
            ],
            emptyText: nil)
        return Templates.render(view, "list")
    }

    /// The files a static host serves besides the feeds: every page at `SiteMap.file(_:)`
    /// (`index.html`, `kommuner/index.html`, `kommuner/bjuv.html`, …), the page for
    /// unknown addresses (`404.html`), the search index (`sok.json`) and the map nginx
    /// redirects other spellings of an address with (`redirects.map`).
    public static func files(site: Site) -> [(path: String, bytes: [UInt8])] {
        var files = site.siteMap.pages.compactMap { page -> (String, [UInt8])? in
            guard let path = site.siteMap.file(page), let text = self.page(page, site: site) else {
                return nil
            }
            return (path, Array(text.utf8))
        }
        files.append((SiteMap.notFoundFile, Array(notFound(site: site).utf8)))
        files.append((SearchIndex.file, SearchIndex(site: site).json))
        files.append((RedirectMap.file, Array(RedirectMap.text(site.siteMap).utf8)))
        return files
    }

    /// The search index's file under the root (`sok.json`), which `/sok` fetches.
    public static let searchIndexFile = SearchIndex.file

    /// The search index: every person, municipality, body, meeting, decision and feed.
    public static func searchIndex(site: Site) -> [UInt8] { SearchIndex(site: site).json }

    /// Each meeting's ID once, in the registry's order (a duplicate is the validator's
    /// to report; the page shows the record the registry finds by the ID).
    static func meetingIDs(_ registry: Registry) -> [Meeting.ID] {
        var seen = Set<Meeting.ID>()
        return registry.meetings.map(\.id).filter { seen.insert($0).inserted }
    }

    /// Each decision once, in the registry's order.
    static func uniqueDecisions(_ registry: Registry) -> [Decision] {
        var seen = Set<Decision.ID>()
        return registry.decisions.filter { seen.insert($0.id).inserted }
    }

    /// The day the pages' "who holds which seat" and "which stage" speak for: the newest
    /// document's, as far as the registry's knowledge reaches.
    static func dataDay(_ site: Site) -> Day { site.registry.latestRevision }

    // MARK: - Parts

    /// The stage in force on `day`, then each that begins later, each with the days it
    /// holds: the page's script shows the one in force on the reader's day.
    static func statusBadges(_ body: Body, on day: Day) -> [StatusBadge] {
        let later = body.lifecycle.milestones.compactMap { milestone -> (Lifecycle.Stage?, Day?)? in
            milestone.start.day.flatMap { $0 > day ? (milestone.stage, $0) : nil }
        }
        let stages = [(body.lifecycle.stage(on: day), nil)] + later
        return stages.enumerated().map { index, stage in
            StatusBadge(
                badgeStage: stage.0?.rawValue, badgeLabel: stage.0?.label ?? "ej föreslaget",
                term: dated(later: stage.1, to: index + 1 < stages.count ? stages[index + 1].1 : nil))
        }
    }

    /// The dates of something in force from `later` (after the data's day; nil when
    /// already) until the day before `to` (nil when it does not end).
    static func dated(later: Day?, to: Day?) -> SeatTerm {
        var parts: [String] = []
        if let later { parts.append("från \(later.swedishText)") }
        if let to { parts.append("till och med \(to.adding(days: -1).swedishText)") }
        return SeatTerm(
            fromISO: later?.description, toISO: to?.description,
            termText: parts.isEmpty ? nil : parts.joined(separator: ", "))
    }

    /// The last few events before the data's day and those from it on, in order: the
    /// script marks those past on the reader's day.
    static func events(_ site: Site, _ selection: FeedSelection) -> EventsView {
        let day = dataDay(site)
        let rows =
            (site.recent(before: day, matching: selection, limit: 3).reversed()
            + site.upcoming(from: day, matching: selection, limit: 20)).map { row($0, site: site) }
        return EventsView(rows: rows, hasRows: !rows.isEmpty)
    }

    static func row(_ event: Event, site: Site) -> EventsView.Row {
        // The summary and place a subscriber's calendar shows, in the same words.
        let shown = site.registry.calendarEvent(event)
        var details = [event.kind.label]
        if let location = shown.location { details.append(location) }
        let meeting: Meeting.ID? =
            switch event.origin {
            case .meeting(let id): id
            case .deadline(let id): site.registry[id]?.meeting
            case .startDate, .bodyStage: nil
            }
        return EventsView.Row(
            iso: event.day.description, date: event.day.swedishText,
            clock: event.timing.start.flatMap { from in
                event.timing.end.map { "\(from.swedishTableText)–\($0.swedishTableText)" }
            },
            summary: shown.summary, cancelled: event.isCancelled, details: details.joined(separator: " · "),
            meetingPath: meeting.flatMap { site.path(.meeting($0)) })
    }

    /// The newest entries of a change log (newest first already), at most `limit`, each
    /// linking its page by a root-relative address.
    static func changes(_ entries: [ChangeEntry], atomURL: String, limit: Int = 10) -> ChangesView {
        let items = entries.prefix(limit).map { entry in
            ChangesView.Item(
                date: entry.day.swedishText, iso: entry.date.description, text: entry.text,
                url: entry.url.map(rootRelative))
        }
        return ChangesView(items: items, hasItems: !items.isEmpty, atomURL: atomURL)
    }

    /// `https://host/moten/x` → `/moten/x`: a link between pages works at any address.
    static func rootRelative(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// A subscribe button (webcal), the plain address with a copy button, and Google's
    /// add-by-address settings page to paste it in.
    static func feedView(_ feed: Feed, site: Site) -> FeedView {
        FeedView(
            name: feed.name, description: feed.description,
            elementID: "url-" + feed.path.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined(),
            url: site.feedURL(feed), webcal: site.webcalURL(feed), google: Site.googleAddByURL)
    }

    /// The cited document: its title and date, the item, and its address when known.
    static func source(_ source: Source, site: Site) -> SourceView {
        let document = site.registry[source.document]
        return SourceView(
            sourceTitle: document.map { "\($0.title), \($0.date.swedishText)" } ?? source.document.rawValue,
            sourceLink: document?.url.flatMap(webLink), sourceItem: source.item)
    }

    /// "10 april 2026 kl. 8.30–10.30", "10 april 2026, tiden är inte bestämd", "april 2026".
    static func swedishText(_ time: MeetingTime) -> String {
        switch time {
        case .timed(let day, let from, let to):
            return "\(day.swedishText) kl. \(from.swedishText)–\(to.swedishText)"
        case .day(let day): return "\(day.swedishText), tiden är inte bestämd"
        case .month(let year, let month):
            let text = Day(year, month, 1).swedishText
            return String(text.drop { $0 != " " }.dropFirst())
        }
    }

    /// A document's address, when it is a web address (never `javascript:` and the like).
    static func webLink(_ url: String) -> String? {
        url.hasPrefix("https://") || url.hasPrefix("http://") ? url : nil
    }

    /// Names, each linked to its person's page when there is one, commas between.
    static func personNames(_ people: [(id: Person.ID, name: String)], site: Site) -> [PersonName] {
        people.enumerated().map { index, person in
            PersonName(
                person: person.name, personPath: site.path(.person(person.id)), more: index < people.count - 1
            )
        }
    }

    /// A person's name, marked "(tf)" when they act in the role.
    static func personLabel(_ seat: Seat) -> String {
        seat.acting ? "\(seat.person.name) (tf)" : seat.person.name
    }

    /// The overviews, for the search page's fallback and the 404 page.
    static func overviewLinks(_ site: Site) -> [ListView.Link] {
        [ListView.Link(linkText: "Startsidan", linkPath: "/", note: nil, struck: false)]
            + SiteMap.Folder.allCases.map {
                ListView.Link(linkText: $0.heading, linkPath: SiteMap.path($0), note: nil, struck: false)
            }
            + [ListView.Link(linkText: "Sök", linkPath: site.path(.search), note: nil, struck: false)]
    }
}
