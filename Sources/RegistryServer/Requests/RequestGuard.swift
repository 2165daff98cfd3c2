import HTTPTypes
import HummingbirdCore

/// Turns away what no route should see, before routing: methods other than GET and HEAD
/// (405), absurdly long targets (414), and paths that try to climb out or hide their
/// shape behind encodings (404, as for any other address that does not exist).
enum RequestGuard {
    /// Longer than any real feed or API address, far shorter than a header-size attack.
    static var maximumTargetLength: Int { 2048 }

    /// Throws the `HTTPError` that `request` (whose path is `path`) gets instead of an answer.
    static func check(_ request: Request, path: String) throws {
        guard request.method == .get || request.method == .head else {
            throw HTTPFailure(
                .methodNotAllowed, headers: [.allow: "GET, HEAD"],
                message: "Metoden \(request.method.rawValue) stöds inte. Tillåtna: GET, HEAD.")
        }
        guard request.uri.string.utf8.count <= Self.maximumTargetLength else {
            throw HTTPFailure(
                .uriTooLong, message: "Adressen är för lång (högst \(Self.maximumTargetLength) tecken).")
        }
        guard Self.isPlainPath(path) else {
            throw HTTPFailure(.notFound, message: PlainErrorAnswer.notFoundMessage)
        }
    }

    /// A path made of plain segments: no `.` or `..`, no empty segment, no backslash or
    /// control character, and percent escapes only where they decode to UTF-8 that is
    /// none of these and no `/` (so `/api/municipalities/%C3%85storp` passes and
    /// `/feeds/%2e%2e/x` does not).
    static func isPlainPath(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        if path == "/" { return true }
        if let plain = isPlainASCIIPath(path.utf8) { return plain }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, raw) in segments.enumerated() {
            // A trailing slash (`/api/`) is the only empty segment allowed.
            if raw.isEmpty && index == segments.count - 1 { continue }
            guard let segment = Percent.decode(raw), !segment.isEmpty, segment != ".", segment != ".." else {
                return false
            }
            for scalar in segment.unicodeScalars
            where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "/" || scalar == "\\" {
                return false
            }
        }
        return true
    }

    /// The same test without decoding, for the usual path of printable ASCII without `%`;
    /// nil for any other path.
    static func isPlainASCIIPath(_ path: String.UTF8View) -> Bool? {
        var segmentLength = 0
        var dots = 0
        // Past the leading slash; `segmentLength` and `dots` describe the segment so far.
        for byte in path.dropFirst() {
            switch byte {
            case UInt8(ascii: "/"):
                if segmentLength == 0 || segmentLength == dots && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
            case UInt8(ascii: "%"), 0x80...:
                return nil
            case ..<0x20, 0x7F, UInt8(ascii: "\\"):
                return false
            default:
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        // A trailing slash leaves an empty last segment, which is allowed.
        return !(segmentLength > 0 && segmentLength == dots && dots <= 2)
    }
}
