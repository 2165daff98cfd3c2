public import Hummingbird

/// Turns away what no route should see, before routing: methods other than GET and HEAD
/// (405), absurdly long targets (414), and paths that try to climb out or hide their
/// shape behind encodings (404, as for any other address that does not exist).
public struct RequestGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Longer than any real feed or API address, far shorter than a header-size attack.
    public static var maximumTargetLength: Int { 2048 }

    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            throw HTTPError(
                .methodNotAllowed, headers: [.allow: "GET, HEAD"],
                message: "Metoden \(request.method.rawValue) stöds inte. Tillåtna: GET, HEAD.")
        }
        guard request.uri.string.utf8.count <= Self.maximumTargetLength else {
            throw HTTPError(
                .uriTooLong, message: "Adressen är för lång (högst \(Self.maximumTargetLength) tecken).")
        }
        guard Self.isPlainPath(request.uri.path) else {
            throw HTTPError(.notFound, message: PlainErrorMiddleware<Context>.notFoundMessage)
        }
        return try await next(request, context)
    }

    /// A path made of plain segments: no `.` or `..`, no empty segment, no percent
    /// escapes, backslashes or control characters. Every real address is like that.
    static func isPlainPath(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        if path == "/" { return true }
        for byte in path.utf8 where byte < 0x21 || byte == 0x7F || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "\\")
        {
            return false
        }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            // A trailing slash (`/api/`) is the only empty segment allowed.
            if segment.isEmpty && index == segments.count - 1 { continue }
            if segment.isEmpty || segment == "." || segment == ".." { return false }
        }
        return true
    }
}
