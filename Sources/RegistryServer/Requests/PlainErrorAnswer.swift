import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore

/// Answers every error with a short plain-text message in Swedish, and never lets an
/// unexpected error out as anything but 500.
///
/// An address nothing answers, outside `/feeds/` and `/api/`, gets what nginx gives: a
/// redirect to the page it names in another spelling (`/Kommuner/bjuv`), or the Swedish
/// 404 page that leads back to the start page.
public struct PlainErrorAnswer: Sendable {
    static var notFoundMessage: String { "Sidan eller kalendern finns inte. Alla kalendrar finns på /." }

    let missingPage: MissingPageAnswer?

    /// - Parameter missingPage: What unknown pages get; nil: plain text for every error.
    public init(missingPage: MissingPageAnswer? = nil) {
        self.missingPage = missingPage
    }

    /// The answer to `error`, thrown while answering `request` for `path`.
    func response(to error: any Error, request: Request, path: String, logger: Logger) -> Response {
        switch error {
        case let error as HTTPFailure:
            if error.status == .notFound, error.message == nil, let missingPage,
                !ServerResponder.isFeedOrAPI(path)
            {
                return missingPage.response(to: path)
            }
            let message =
                error.message
                ?? (error.status == .notFound ? Self.notFoundMessage : error.status.reasonPhrase)
            return Self.response(error.status, message, extraHeaders: error.headers)
        default:
            logger.error("\(request.method.rawValue) \(path): \(error)")
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
