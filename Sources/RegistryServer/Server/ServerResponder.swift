import Hummingbird
import Logging

/// The one step every request passes, around the router: the request guard, plain
/// errors, the pages' security headers and the request log, in one place instead of four
/// middlewares, each of which cost a hop per request. A GET of a standard feed, the
/// request subscribers make most, is answered from the catalog without the router's
/// look-up; everything else goes to the routes.
struct ServerResponder<Context: RequestContext>: HTTPResponder {
    let router: RouterResponder<Context>
    let feeds: FeedController<Context>
    let errors: PlainErrorAnswer

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let path = request.uri.path
        var response: Response
        do {
            try RequestGuard.check(request, path: path)
            if request.method == .get, let feed = feeds.standardFeed(request, path: path) {
                response = feed
            } else {
                response = try await router.respond(to: request, context: context)
            }
        } catch {
            response = errors.response(to: error, request: request, path: path, logger: context.logger)
        }
        SecurityHeaders.add(to: &response, path: path)
        RequestLog.write(request, response, since: start, to: context.logger)
        return response
    }
}
