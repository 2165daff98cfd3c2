import CalendarFeeds
import HTTPTypes
import HummingbirdCore
public import Pages

/// `GET`/`HEAD /feeds/NAME.ics`: the standard feeds from the catalog, byte for byte what
/// `Exports/` holds, and `/feeds/custom.ics?…` rendered by the custom renderer; and the
/// Atom change logs at `/changes.atom` and `/changes/SLUG.atom`, as nginx serves them.
public struct FeedController: Sendable {
    /// `/feeds/`, the prefix of every feed's address.
    static let feedsPrefix = "/\(SiteMap.feedsFolder)/"
    /// `/changes.atom`, the change log of every feed.
    static let changeLogPath = "/\(SiteMap.changeLogFile())"
    /// `/changes/`, the prefix of each feed's own change log.
    static let changeLogsPrefix = "/\(SiteMap.changeLogsFolder)/"

    let catalog: FeedCatalog
    let renderer: CustomFeedRenderer
    let site: Site

    public init(catalog: FeedCatalog, renderer: CustomFeedRenderer, site: Site) {
        self.catalog = catalog
        self.renderer = renderer
        self.site = site
    }

    /// Whether `path` is this controller's: a feed or a change log.
    static func answers(_ path: String) -> Bool {
        path.hasPrefix(feedsPrefix) || path == changeLogPath || path.hasPrefix(changeLogsPrefix)
    }

    /// The feed or change log at the request's path.
    func response(to request: Request, path: String) throws -> Response {
        path.hasPrefix(Self.feedsPrefix) ? try feed(request) : try changeLog(request)
    }

    func changeLog(_ request: Request) throws -> Response {
        guard let resource = catalog.changeLog(request.uri.path.dropFirst()) else {
            throw HTTPFailure(
                .notFound, message: "Ändringsloggen finns inte. Alla ändringar finns på /changes.atom.")
        }
        return resource.response(to: request)
    }

    func feed(_ request: Request) throws -> Response {
        let path = request.uri.path.dropFirst(Self.feedsPrefix.count)
        if path == Feed.customPath {
            let selection: FeedSelection
            do {
                selection = try FeedQuery.selection(request.uri.query, in: site.registry)
            } catch {
                throw HTTPFailure(.badRequest, message: error.description)
            }
            return renderer.resource(for: selection, standard: catalog).response(to: request)
        }
        guard let resource = catalog.resource(atPath: path) else {
            if let target = site.siteMap.redirect(from: request.uri.path) {
                return Response(status: .movedPermanently, headers: [.location: target])
            }
            throw HTTPFailure(.notFound, message: "Kalendern finns inte. Alla kalendrar finns på /.")
        }
        return resource.response(to: request)
    }

    /// The answer to `request` when `path` is a standard feed's address
    /// (`/feeds/all.ics`); nil for any other address, which the routes then answer.
    func standardFeed(_ request: Request, path: String) -> Response? {
        guard path.hasPrefix(Self.feedsPrefix),
            let resource = catalog.resource(
                atPath: Substring(path.utf8.dropFirst(Self.feedsPrefix.utf8.count)))
        else { return nil }
        return resource.response(to: request)
    }
}
