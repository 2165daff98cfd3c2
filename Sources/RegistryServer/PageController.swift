import CalendarFeeds
public import ExportFiles
import HTTPTypes
import HummingbirdCore
import NIOConcurrencyHelpers
import NIOCore
public import Pages
import Registry

/// The web pages, the search index and the open-data files, as nginx serves them from
/// `Exports/`: every address that is not a feed, a change log or the API.
///
/// A page is the same whatever the day (`Pages`), so each is rendered the first time it
/// is asked for and then served from memory with its ETag like a feed; its Last-Modified
/// is the revision `revisions.tsv` records for those bytes. An address in another
/// spelling (`/kommuner/Bjuv`) is redirected to the page's own; an unknown one gets the
/// Swedish 404 page.
public struct PageController: Sendable {
    let site: Site
    let revisions: FileRevisions
    /// `popolo.json`, `representatives.csv` and `sok.json`, by their path (`/popolo.json`).
    let files: [String: CachedResource]
    let missingPage: MissingPageAnswer
    private let cache = PageCache()

    /// - Parameters:
    ///   - revisions: The export's record of each file, for the pages' Last-Modified.
    ///   - dataFiles: The open-data files (`Publication.dataFiles`), served at the root.
    ///   - searchIndex: `Pages.searchIndex(site:)`, when the caller has made it already.
    ///   - missingPage: What an address the site does not have gets.
    public init(
        site: Site, revisions: FileRevisions, dataFiles: [(path: String, bytes: [UInt8])],
        searchIndex: [UInt8]? = nil, missingPage: MissingPageAnswer
    ) {
        self.site = site
        self.missingPage = missingPage
        self.revisions = revisions
        let newest = Self.newest(revisions)
        var files: [String: CachedResource] = [:]
        let made = dataFiles + [(Pages.searchIndexFile, searchIndex ?? Pages.searchIndex(site: site))]
        for (path, bytes) in made {
            let fingerprint = Fingerprint.of(bytes)
            files["/" + path] = CachedResource(
                bytes: bytes, contentType: Self.contentType(path),
                cacheControl: CachedResource.pageCacheControl,
                lastModified: Self.revision(path, fingerprint, revisions, newest: newest),
                fingerprint: fingerprint)
        }
        self.files = files
    }

    /// The file or page at `path`, the request's path; the missing page when the site has
    /// no such address.
    func response(to request: Request, path: String) -> Response {
        if let file = files[path] { return file.response(to: request) }
        guard let resource = cache.resource(at: path, render: { render(path) }) else {
            return missingPage.response(to: path)
        }
        return resource.response(to: request)
    }

    private func render(_ path: String) -> CachedResource? {
        guard let page = site.siteMap.page(at: path), let html = Pages.page(page, site: site) else {
            return nil
        }
        let bytes = Array(html.utf8)
        let file = site.siteMap.file(page) ?? ""
        let fingerprint = Fingerprint.of(bytes)
        return CachedResource(
            bytes: bytes, contentType: CachedResource.htmlType, cacheControl: CachedResource.pageCacheControl,
            lastModified: Self.revision(file, fingerprint, revisions, newest: Self.newest(revisions)),
            fingerprint: fingerprint)
    }

    /// The revision `revisions.tsv` records for the bytes of `fingerprint` at `path`; bytes
    /// it does not record (another public address, a stale export) get the newest revision
    /// it holds.
    static func revision(_ path: String, _ fingerprint: String, _ revisions: FileRevisions, newest: Instant)
        -> Instant
    {
        guard let record = revisions[path], record.fingerprint == fingerprint else { return newest }
        return record.revised
    }

    static func newest(_ revisions: FileRevisions) -> Instant {
        revisions.records.values.map(\.revised).max() ?? Instant(secondsSinceEpoch: 0)
    }

    static func contentType(_ path: String) -> String {
        if path.hasSuffix(".json") { return "application/json; charset=utf-8" }
        if path.hasSuffix(".csv") { return "text/csv; charset=utf-8" }
        return "application/octet-stream"
    }
}

/// What an address the site does not have gets, as nginx gives it: a redirect to the page
/// it names in another spelling (`/kommuner/Bjuv`, `/kommuner/%C3%84ngelholm`), else the
/// Swedish 404 page. The page is rendered once: unknown addresses are what scanners send.
public struct MissingPageAnswer: Sendable {
    let site: Site
    let body: ByteBuffer

    public init(site: Site) {
        self.site = site
        body = ByteBuffer(string: Pages.notFound(site: site))
    }

    func response(to path: String) -> Response {
        if let canonical = site.siteMap.canonicalPath(for: Percent.decode(path) ?? path) {
            return Response(status: .movedPermanently, headers: [.location: canonical])
        }
        return Response(
            status: .notFound,
            headers: [
                .contentType: CachedResource.htmlType, .cacheControl: "no-store",
                .contentLength: String(body.readableBytes),
            ],
            body: ResponseBody(byteBuffer: body))
    }
}

/// Rendered pages, by path; pages do not depend on the day, so they stay.
final class PageCache: Sendable {
    private let pages = NIOLockedValueBox<[String: CachedResource]>([:])

    func resource(at path: String, render: () -> CachedResource?) -> CachedResource? {
        if let cached = pages.withLockedValue({ $0[path] }) { return cached }
        guard let resource = render() else { return nil }
        pages.withLockedValue { $0[path] = resource }
        return resource
    }
}
