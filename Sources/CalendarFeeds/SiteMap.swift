public import Registry

/// The site's addresses: a page of a record turned into its address, and an address read
/// back into the page, in one place, so calendar events, pages, the change log, the
/// static export and the server cannot disagree about where a record lives.
///
/// ```swift
/// let map = SiteMap(registry: registry)
/// map.path(.meeting(Meeting.ID("kdm-2026-04-10")))   // "/moten/kdm-2026-04-10"
/// map.page(at: "/kommuner/bjuv")                      // .municipality(.bjuv)
/// ```
public struct SiteMap: Sendable {
    /// A page of the site.
    public enum Page: Hashable, Sendable {
        case home
        case municipality(Municipality.ID)
        case body(Body.ID)
        case meeting(Meeting.ID)
        case decision(Decision.ID)
        /// What one municipality has yet to do (`/uppfoljning/bjuv`).
        case followUp(Municipality.ID)
        /// A folder's own page, listing its records: `/kommuner/`, `/uppfoljning/`.
        case index(Folder)
        /// A page of its own at the root: `/om`, `/tillganglighet`, `/sok`.
        case about
        case accessibility
        case search
        /// A person with a personal feed (`Registry.personalFeedHolders`).
        case person(Person.ID)
    }

    /// The pages that live in a folder of their own, one per record, by its slug or ID,
    /// with the folder's own page listing them.
    public enum Folder: String, CaseIterable, Sendable {
        case municipality = "kommuner"
        case body = "organ"
        case meeting = "moten"
        case decision = "beslut"
        case followUp = "uppfoljning"
        case person = "personer"
    }

    /// The pages at the root, by their one word: `/om`.
    static let rootPages: [(word: String, page: Page)] = [
        ("om", .about), ("tillganglighet", .accessibility), ("sok", .search),
    ]

    /// The file of the page a static host shows for any address it does not have.
    public static let notFoundFile = "404.html"

    public let registry: Registry
    /// `https://kalender.example.se`, no trailing slash; empty for site-relative addresses.
    public let publicURL: String

    /// - Parameters:
    ///   - registry: Whose records the pages show.
    ///   - publicURL: The address the site is reached at; nil: the registry's own
    ///     (`Data/Configuration.swift`), or site-relative addresses when it names none.
    public init(registry: Registry, publicURL: String? = nil) {
        self.registry = registry
        var url = publicURL ?? registry.publicURL ?? ""
        while url.hasSuffix("/") { url.removeLast() }
        self.publicURL = url
    }

    // MARK: - Pages

    /// `/`, `/kommuner/bjuv`, `/organ/energinatverket`, `/moten/kdm-2026-04-10`,
    /// `/beslut/kdm-2026-04-10-scenario-3`, `/personer/agneta-fristedt`; nil when the
    /// registry has no such record (or the person has no page).
    public func path(_ page: Page) -> String? {
        if let word = Self.rootWord(page) { return word.isEmpty ? "/" : "/\(word)" }
        if case .index(let folder) = page { return Self.path(folder) }
        guard let (folder, key) = folderAndKey(page) else { return nil }
        return "/\(folder.rawValue)/\(key)"
    }

    /// A folder's own page, `/kommuner/`: there whatever the registry holds.
    public static func path(_ folder: Folder) -> String { "/\(folder.rawValue)/" }

    /// The page's full address under `publicURL`; nil when the registry has no such record.
    public func url(_ page: Page) -> String? { path(page).map { publicURL + $0 } }

    /// The page's file in a static export (`index.html`, `kommuner/bjuv.html`), which
    /// nginx serves at `path(page)`.
    public func file(_ page: Page) -> String? {
        if let word = Self.rootWord(page) { return word.isEmpty ? "index.html" : "\(word).html" }
        if case .index(let folder) = page { return "\(folder.rawValue)/index.html" }
        guard let (folder, key) = folderAndKey(page) else { return nil }
        return "\(folder.rawValue)/\(key).html"
    }

    /// The page at `path` (without query), or nil when the address is malformed or names
    /// no record of the registry. A folder's page is at `/kommuner/`, with the slash.
    public func page(at path: some StringProtocol) -> Page? {
        if path == "/" { return .home }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].isEmpty {
            return Self.rootPages.first { $0.word == parts[1] }?.page
        }
        guard parts.count == 3, parts[0].isEmpty, let folder = Folder(rawValue: String(parts[1])) else {
            return nil
        }
        let key = String(parts[2])
        if key.isEmpty { return .index(folder) }
        switch folder {
        case .municipality: return municipalityPage(slug: key)
        case .body: return registry.bodies.first { $0.slug == key }.map { .body($0.id) }
        case .meeting: return registry[Meeting.ID(key)].map { .meeting($0.id) }
        case .decision: return registry[Decision.ID(key)].map { .decision($0.id) }
        case .followUp: return registry.municipalities.first { $0.slug == key }.map { .followUp($0.id) }
        case .person: return hasPage(Person.ID(key)) ? .person(Person.ID(key)) : nil
        }
    }

    /// Whether `person` has a page: a personal feed, so a membership or an appointment
    /// and a published schedule.
    public func hasPage(_ person: Person.ID) -> Bool { registry.hasPersonalSchedule(person) }

    /// The page's own address when `path` names one in another form: another case, å, ä
    /// and ö for a, a and o, or a folder without its final slash (`/kommuner/Bjuv`,
    /// `/kommuner/Ängelholm`, `/kommuner`) or under a body's former slug
    /// (`/organ/hr-chefsnatverket`); nil when it names none or is the page's own.
    public func canonicalPath(for path: some StringProtocol) -> String? {
        if page(at: path) != nil { return nil }
        if let current = redirect(from: path) { return current }
        let folded = Self.folded(path)
        for candidate in [folded, folded + "/"] {
            if let page = page(at: candidate), let canonical = self.path(page), canonical != String(path) {
                return canonical
            }
        }
        return nil
    }

    /// Lower case, with å, ä, ö, é and ü as their plain letters: the form slugs and IDs take.
    static func folded(_ text: some StringProtocol) -> String {
        let plain: [Character: Character] = ["å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"]
        return String(text.lowercased().map { plain[$0] ?? $0 })
    }

    /// Where an address published under a body's former slug lives now: the path of its
    /// page (`/organ/hr-chefsnatverket` → `/organ/hr-cheferna`) or feed (`/feeds/bodies/…`);
    /// nil for any other path.
    public func redirect(from path: some StringProtocol) -> String? {
        formerAddresses[String(path)]
    }

    /// Every former address and the current path it redirects to (`redirect(from:)`), for
    /// the server and for checking the nginx configuration.
    public var formerAddresses: [String: String] {
        var addresses: [String: String] = [:]
        for body in registry.bodies {
            for old in body.formerSlugs {
                addresses["/\(Folder.body.rawValue)/\(old)"] = "/\(Folder.body.rawValue)/\(body.slug)"
                addresses["/\(Self.feedsFolder)/bodies/\(old).ics"] =
                    "/\(Self.feedsFolder)/bodies/\(body.slug).ics"
            }
        }
        return addresses
    }

    /// The page of the municipality with `slug`: the ledgers name municipalities by slug.
    public func municipalityPage(slug: some StringProtocol) -> Page? {
        registry.municipalities.first { $0.slug == slug }.map { .municipality($0.id) }
    }

    /// Every page, each record once: home, municipalities, bodies, meetings, decisions, in
    /// the registry's order (a duplicate ID is the validator's to report), then people.
    public var pages: [Page] {
        var seenMeetings = Set<Meeting.ID>()
        var seenDecisions = Set<Decision.ID>()
        var seenMunicipalities = Set<Municipality.ID>()
        let municipalities = registry.municipalities.filter { seenMunicipalities.insert($0.id).inserted }
        return [.home] + Self.rootPages.map(\.page) + Folder.allCases.map { .index($0) }
            + municipalities.map { .municipality($0.id) }
            + municipalities.map { .followUp($0.id) }
            + registry.bodies.map { .body($0.id) }
            + registry.meetings.filter { seenMeetings.insert($0.id).inserted }.map { .meeting($0.id) }
            + registry.decisions.filter { seenDecisions.insert($0.id).inserted }.map { .decision($0.id) }
            + registry.personalFeedHolders.map { .person($0.id) }
    }

    /// The word of a page at the root (empty for the start page), nil for any other page.
    private static func rootWord(_ page: Page) -> String? {
        page == .home ? "" : rootPages.first { $0.page == page }?.word
    }

    private func folderAndKey(_ page: Page) -> (Folder, String)? {
        switch page {
        case .home, .index, .about, .accessibility, .search: nil
        case .municipality(let id): registry[id].map { (.municipality, $0.slug) }
        case .followUp(let id): registry[id].map { (.followUp, $0.slug) }
        case .body(let id): registry[id].map { (.body, $0.slug) }
        case .meeting(let id): registry[id].map { (.meeting, $0.id.rawValue) }
        case .decision(let id): registry[id].map { (.decision, $0.id.rawValue) }
        case .person(let id): hasPage(id) ? (.person, id.rawValue) : nil
        }
    }

    // MARK: - Feeds and change logs

    /// Where the feeds live: `/feeds/` followed by `Feed.path`.
    public static let feedsFolder = "feeds"

    /// `/feeds/municipalities/bjuv.ics`.
    public func path(_ feed: Feed) -> String { "/\(Self.feedsFolder)/\(feed.path)" }

    /// `https://…/feeds/municipalities/bjuv.ics`.
    public func url(_ feed: Feed) -> String { feedURL(path: feed.path) }

    /// The address of the feed at `path` under `/feeds/` (`Feed.customPath`).
    public func feedURL(path: String) -> String { "\(publicURL)/\(Self.feedsFolder)/\(path)" }

    /// The Atom change log's file, under `Exports/` and the site's root: `changes.atom`
    /// for everything, `changes/bjuv.atom` for one municipality.
    public static func changeLogFile(_ municipality: Municipality? = nil) -> String {
        municipality.map { "\(changeLogsFolder)/\($0.slug).atom" } ?? "\(changeLogsFolder).atom"
    }

    /// Where the municipalities' change logs live: `/changes/SLUG.atom`.
    public static let changeLogsFolder = "changes"

    /// `https://…/changes.atom`, `https://…/changes/bjuv.atom`.
    public func changeLogURL(_ municipality: Municipality? = nil) -> String {
        "\(publicURL)/\(Self.changeLogFile(municipality))"
    }
}
