public import Hummingbird
import Logging

/// Answers every error with a short plain-text message in Swedish instead of
/// Hummingbird's default, and never lets an unexpected error out as anything but 500.
/// An address no route knows, outside `/feeds/` and `/api/`, gets what nginx gives: a
/// redirect to the page it names in another spelling (`/Kommuner/bjuv`), or the Swedish
/// 404 page that leads back to the start page.
public struct PlainErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    static var notFoundMessage: String { "Sidan eller kalendern finns inte. Alla kalendrar finns på /." }

    let missingPage: MissingPageAnswer?

    /// - Parameter missingPage: What unknown pages get; nil: plain text for every error.
    public init(missingPage: MissingPageAnswer? = nil) {
        self.missingPage = missingPage
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let path = request.uri.path
            if error.status == .notFound, error.body == nil, let missingPage, !path.hasPrefix("/feeds/"),
                !path.hasPrefix("/api/")
            {
                return missingPage.response(to: path)
            }
            let message =
                error.body ?? (error.status == .notFound ? Self.notFoundMessage : error.status.reasonPhrase)
            return Self.response(error.status, message, extraHeaders: error.headers)
        } catch let error as any HTTPResponseError {
            return Self.response(error.status, error.status.reasonPhrase)
        } catch {
            context.logger.error("\(request.method.rawValue) \(request.uri.path): \(error)")
            return Self.response(.internalServerError, "Ett internt fel uppstod.")
        }
    }

    static func response(_ status: HTTPResponse.Status, _ message: String, extraHeaders: HTTPFields = [:])
        -> Response
    {
        var headers = extraHeaders
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let body = ByteBuffer(string: message + "\n")
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
