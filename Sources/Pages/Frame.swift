import CalendarFeeds
import ExportFiles
import Registry

/// What the layout shows around every page: the title and meta description, the
/// breadcrumbs, the heading and how far the data reaches. Every page template, a new one
/// too, gets the skip link, site navigation, breadcrumbs and footer from `layout.mustache`
/// by filling one of these.
struct Frame: TemplateValue {
    /// The window title.
    let title: String
    let heading: String
    let lead: String?
    /// The meta description: one sentence on what the page holds.
    let description: String
    /// The pages above this one, from the start page down; empty on the start page.
    let crumbs: [Crumb]
    let hasCrumbs: Bool
    /// The page's own name, last in the breadcrumbs.
    let current: String
    /// "Uppgifterna bygger på protokoll och beslut till och med 10 april 2026."
    let dataNote: String
    let organisation: String
    let website: String?
    /// The addresses the header, the footer and the follow-up links point to.
    let links: SiteLinks
    let style = PageAssets.style
    let script = PageAssets.script

    /// The pages every page can link to, whatever the registry holds, at the addresses the
    /// site map gives them (`{{frame.links.meetings}}`).
    struct SiteLinks: TemplateValue {
        let municipalities: String
        let bodies: String
        let meetings: String
        let decisions: String
        let followUps: String
        let search: String?
        let about: String?
        let accessibility: String?
        /// The open data at the site's root, by file name (`popolo.json`).
        let popoloFile = Publication.popoloFile
        let representativesFile = Publication.representativesFile
        let changeLogFile = SiteMap.changeLogFile()

        init(_ map: SiteMap) {
            municipalities = SiteMap.path(.municipality)
            bodies = SiteMap.path(.body)
            meetings = SiteMap.path(.meeting)
            decisions = SiteMap.path(.decision)
            followUps = SiteMap.path(.followUp)
            search = map.path(.search)
            about = map.path(.about)
            accessibility = map.path(.accessibility)
        }
    }

    /// - Parameters:
    ///   - crumbs: The pages between the start page and this one (the start page is added).
    ///   - current: The page's name in the breadcrumbs (default: its heading).
    init(
        site: Site, title: String, heading: String, lead: String? = nil, description: String,
        crumbs: [Crumb] = [], current: String? = nil, isHome: Bool = false
    ) {
        self.title = title
        self.heading = heading
        self.lead = lead
        self.description = description
        self.crumbs = isHome ? [] : [Crumb(crumbName: "Start", crumbPath: "/")] + crumbs
        self.hasCrumbs = !isHome
        self.current = current ?? heading
        self.dataNote =
            "Uppgifterna bygger på protokoll och beslut till och med \(site.registry.latestRevision.swedishText)."
        self.organisation = site.registry.publisher?.organisation ?? "Familjen Helsingborg"
        self.website = site.registry.publisher?.website.flatMap(Pages.webLink)
        self.links = SiteLinks(site.siteMap)
    }

    /// The breadcrumb of a folder's own page (`Kommunerna`, at `/kommuner/`).
    static func crumb(_ folder: SiteMap.Folder) -> Crumb {
        Crumb(crumbName: folder.heading, crumbPath: SiteMap.path(folder))
    }
}

extension SiteMap.Folder {
    /// The folder's name as a heading and in breadcrumbs.
    var heading: String {
        switch self {
        case .municipality: "Kommunerna"
        case .body: "Organ och nätverk"
        case .meeting: "Möten"
        case .decision: "Beslut"
        case .followUp: "Uppföljning av beslut"
        case .person: "Personer"
        }
    }
}
