import CalendarExport
import Foundation
public import Hummingbird
public import Registry

/// `GET /api/…`: the registry as JSON.
public struct APIController<Context: RequestContext>: Sendable {
    let site: Site
    let catalog: FeedCatalog
    let today: @Sendable () -> Day

    public init(site: Site, catalog: FeedCatalog, today: @escaping @Sendable () -> Day) {
        self.site = site
        self.catalog = catalog
        self.today = today
    }

    public func addRoutes(to group: RouterGroup<Context>) {
        group.get("/") { _, _ in self.json(FeedIndex(site: site)) }
        group.get("feeds") { _, _ in self.json(FeedIndex(site: site)) }
    }

    func json(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var buffer = ByteBuffer(bytes: data)
        buffer.writeString("\n")
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=300"],
            body: ResponseBody(byteBuffer: buffer))
    }
}

/// The feeds with their addresses, for `/api/feeds`.
struct FeedIndex: Encodable {
    struct Item: Encodable {
        let path: String
        let name: String
        let description: String
        let url: String
        let webcal: String
    }
    let feeds: [Item]

    init(site: Site) {
        feeds = site.feeds.map {
            Item(
                path: $0.path, name: $0.name, description: $0.description, url: site.feedURL($0),
                webcal: site.webcalURL($0))
        }
    }
}
