import CalendarFeeds
public import Hummingbird
public import Pages

/// `/feeds/`, the prefix of every feed's address.
private let feedsPrefix = "/\(SiteMap.feedsFolder)/"

/// `GET`/`HEAD /feeds/NAME.ics`: the standard feeds from the catalog, byte for byte what
/// `Exports/` holds, and `/feeds/custom.ics?…` rendered by the custom renderer; and the
/// Atom change logs at `/changes.atom` and `/changes/SLUG.atom`, as nginx serves them.
public struct FeedController<Context: RequestContext>: Sendable {
    let catalog: FeedCatalog
    let renderer: CustomFeedRenderer
    let site: Site

    public init(catalog: FeedCatalog, renderer: CustomFeedRenderer, site: Site) {
        self.catalog = catalog
        self.renderer = renderer
        self.site = site
    }

    public func addRoutes(to router: Router<Context>) {
        router.get(RouterPath("\(SiteMap.feedsFolder)/**")) { request, _ in try self.feed(request) }
        router.get(RouterPath(SiteMap.changeLogFile())) { request, _ in try self.changeLog(request) }
        router.get(RouterPath("\(SiteMap.changeLogsFolder)/**")) { request, _ in try self.changeLog(request) }
    }

    func changeLog(_ request: Request) throws -> Response {
        guard let resource = catalog.changeLog(request.uri.path.dropFirst()) else {
            throw HTTPError(
                .notFound, message: "Ändringsloggen finns inte. Alla ändringar finns på /changes.atom.")
        }
        return resource.response(to: request)
    }

    func feed(_ request: Request) throws -> Response {
        let path = request.uri.path.dropFirst(feedsPrefix.count)
        if path == Feed.customPath {
            let selection: FeedSelection
            do {
                selection = try FeedQuery.selection(request.uri.query, in: site.registry)
            } catch {
                throw HTTPError(.badRequest, message: error.description)
            }
            return renderer.resource(for: selection, standard: catalog).response(to: request)
        }
        guard let resource = catalog.resource(atPath: path) else {
            if let target = site.siteMap.redirect(from: request.uri.path) {
                return Response(status: .movedPermanently, headers: [.location: target])
            }
            throw HTTPError(.notFound, message: "Kalendern finns inte. Alla kalendrar finns på /.")
        }
        return resource.response(to: request)
    }

    /// The answer to `request` when `path` is a standard feed's address
    /// (`/feeds/all.ics`); nil for any other address, which the routes then answer.
    func standardFeed(_ request: Request, path: String) -> Response? {
        guard path.hasPrefix(feedsPrefix),
            let resource = catalog.resource(atPath: Substring(path.utf8.dropFirst(feedsPrefix.utf8.count)))
        else { return nil }
        return resource.response(to: request)
    }
}
