import HTTPTypes
public import HummingbirdCore
public import Logging

/// One line per request once it is answered: method, target, status, bytes, time.
///
/// The query string is logged too (custom feeds are told apart by it), cut to a length
/// that keeps an absurd URL from flooding the log.
public enum RequestLog {
    public static func write(
        _ request: Request, _ response: Response, since start: ContinuousClock.Instant, to logger: Logger
    ) {
        let elapsed = ContinuousClock.now - start
        let micros =
            elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        var target = request.uri.string
        if target.utf8.count > 200 { target = String(target.prefix(200)) + "…" }
        let bytes = response.body.contentLength.map(String.init) ?? "-"
        logger.info("\(request.method.rawValue) \(target) \(response.status.code) \(bytes)B \(micros)µs")
    }
}
