public import Hummingbird
import Logging

/// Logs one line per request once it is answered: method, path, status, bytes, time.
///
/// The query string is logged too (custom feeds are told apart by it), cut to a length
/// that keeps an absurd URL from flooding the log.
public struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(
                request, context: context, status: response.status.code, bytes: response.body.contentLength,
                start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context: context, status: error.status.code, bytes: nil, start)
            throw error
        } catch {
            log(request, context: context, status: 500, bytes: nil, start)
            throw error
        }
    }

    private func log(
        _ request: Request, context: Context, status: Int, bytes: Int?, _ start: ContinuousClock.Instant
    ) {
        let elapsed = ContinuousClock.now - start
        let micros =
            elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        var target = request.uri.string
        if target.utf8.count > 200 { target = String(target.prefix(200)) + "…" }
        context.logger.info(
            "\(request.method.rawValue) \(target) \(status) \(bytes.map(String.init) ?? "-")B \(micros)µs")
    }
}
