import CalendarFeeds
import Registry

// The service's own pages: what it is (`/om`), its accessibility statement
// (`/tillganglighet`) and search (`/sok`).
extension Pages {
    static func about(site: Site) -> String {
        let view = service(
            site,
            frame: Frame(
                site: site, title: "Om tjänsten – Familjen Helsingborg", heading: "Om tjänsten",
                description: "Vad tjänsten är, var uppgifterna kommer ifrån, hur registrets tolkningar märks "
                    + "och vem du kontaktar.",
                current: "Om tjänsten"))
        return Templates.render(view, "about")
    }

    static func accessibility(site: Site) -> String {
        let organisation = site.registry.publisher?.organisation ?? "Familjen Helsingborg"
        let view = service(
            site,
            frame: Frame(
                site: site, title: "Tillgänglighet – Familjen Helsingborg",
                heading: "Tillgänglighet för \(organisation)s samverkanskalender",
                description: "Tillgänglighetsredogörelse för webbplatsen: hur tillgänglig den är, vad som "
                    + "inte är tillgängligt och hur du rapporterar brister.",
                current: "Tillgänglighet"))
        return Templates.render(view, "accessibility")
    }

    static func search(site: Site) -> String {
        let view = service(
            site,
            frame: Frame(
                site: site, title: "Sök – Familjen Helsingborg", heading: "Sök",
                description: "Sök bland personer, kommuner, organ, möten, beslut och kalendrar.",
                current: "Sök"))
        return Templates.render(view, "search")
    }

    static func service(_ site: Site, frame: Frame) -> ServiceView {
        let publisher = site.registry.publisher
        let assessed = publisher?.accessibilityAssessed
        return ServiceView(
            frame: frame, organisation: publisher?.organisation ?? "Familjen Helsingborg",
            website: publisher?.website.flatMap(webLink), contactEmail: publisher?.contactEmail,
            feedbackEmail: publisher?.feedbackEmail, postalAddress: publisher?.postalAddress,
            assessed: assessed?.swedishText ?? "–", assessedISO: assessed?.description ?? "",
            publicURL: site.publicURL, latestDocument: site.registry.latestRevision.swedishText,
            overviews: overviewLinks(site))
    }
}
