import HTTPTypes

/// What a route throws instead of answering: a status, the headers it needs (`Allow` on
/// a 405) and the Swedish text to send; ``PlainErrorAnswer`` makes the response.
struct HTTPFailure: Error {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    /// Nil for an address that does not exist, which gets the missing page or the plain
    /// 404 text, depending on where it points.
    let message: String?

    init(_ status: HTTPResponse.Status, headers: HTTPFields = [:], message: String? = nil) {
        self.status = status
        self.headers = headers
        self.message = message
    }
}
