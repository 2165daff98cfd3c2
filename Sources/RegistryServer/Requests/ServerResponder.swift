import HTTPTypes
import HummingbirdCore
import Logging

/// The one step every request passes: the request guard, the route by the first segment
/// of the path, plain errors, HEAD, the pages' security headers and the request log. A GET
/// of a standard feed, the request subscribers make most, is answered from the catalog
/// before anything else is looked at.
struct ServerResponder: Sendable {
    let pages: PageController
    let feeds: FeedController
    let api: APIController
    let errors: PlainErrorAnswer

    /// Whether `path` is a feed's, a change log's or the API's, as the route below tells:
    /// answers there are data, which get neither the pages' security headers nor the
    /// missing page.
    static func isFeedOrAPI(_ path: String) -> Bool {
        FeedController.answers(path) || APIController.answers(path)
    }

    func respond(to request: Request, logger: Logger) -> Response {
        let start = ContinuousClock.now
        let path = request.uri.path
        var response: Response
        do {
            try RequestGuard.check(request, path: path)
            if request.method == .get, let feed = feeds.standardFeed(request, path: path) {
                response = feed
            } else {
                response = try route(request, path: path)
            }
        } catch {
            response = errors.response(to: error, request: request, path: path, logger: logger)
        }
        // A HEAD gets the headers a GET would, Content-Length included, and no body.
        if request.method == .head { response = response.createHeadResponse() }
        SecurityHeaders.add(to: &response, path: path)
        RequestLog.write(request, response, since: start, to: logger)
        return response
    }

    /// Feeds and change logs, then the API, then the pages and files, which also answer
    /// every address nothing else knows (with the missing page).
    private func route(_ request: Request, path: String) throws -> Response {
        if FeedController.answers(path) { return try feeds.response(to: request, path: path) }
        if APIController.answers(path) { return try api.response(to: request, path: path) }
        return pages.response(to: request, path: path)
    }
}
