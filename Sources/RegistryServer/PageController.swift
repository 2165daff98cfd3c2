import CalendarFeeds
public import Hummingbird
import NIOConcurrencyHelpers
public import Pages
public import Registry

/// The web pages, one route per kind of page the site map knows (`SiteMap.routes`).
///
/// Pages speak for a day (who represents whom, what comes next), so each is rendered
/// the first time it is asked for on a given day in Europe/Stockholm and then served
/// from memory with its ETag like a feed. Unknown paths are never cached.
public struct PageController<Context: RequestContext>: Sendable {
    let site: Site
    let today: @Sendable () -> Day
    private let cache = PageCache()

    public init(site: Site, today: @escaping @Sendable () -> Day) {
        self.site = site
        self.today = today
    }

    public func addRoutes(to router: Router<Context>) {
        for route in SiteMap.routes {
            router.get(RouterPath(route)) { request, _ in try self.page(request) }
        }
    }

    func page(_ request: Request) throws -> Response {
        let path = request.uri.path
        let day = today()
        guard
            let resource = cache.resource(
                at: path, on: day,
                render: {
                    Pages.page(at: path, site: site, on: day).map {
                        CachedResource(
                            bytes: Array($0.utf8), contentType: CachedResource.htmlType,
                            cacheControl: CachedResource.pageCacheControl, lastModified: day)
                    }
                })
        else {
            throw HTTPError(.notFound, message: "Sidan finns inte. Börja på /.")
        }
        return resource.response(to: request)
    }
}

/// Rendered pages of one day; a new day starts an empty cache.
final class PageCache: Sendable {
    private let state = NIOLockedValueBox<(day: Day?, pages: [String: CachedResource])>((nil, [:]))

    func resource(at path: String, on day: Day, render: () -> CachedResource?) -> CachedResource? {
        if let cached = state.withLockedValue({ $0.day == day ? $0.pages[path] : nil }) { return cached }
        guard let resource = render() else { return nil }
        state.withLockedValue { state in
            if state.day != day { state = (day, [:]) }
            state.pages[path] = resource
        }
        return resource
    }
}
