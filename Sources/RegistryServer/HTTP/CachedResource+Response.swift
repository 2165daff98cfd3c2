import HTTPTypes
public import Hummingbird
import Registry

extension CachedResource {
    /// The response to a GET or HEAD of this resource: 200 with the representation the
    /// client accepts (gzip when it asks for it), or 304 when its cached copy is current.
    ///
    /// Conditional requests follow RFC 9110 §13.2.2: `If-None-Match` decides when present
    /// (weak comparison, `*` matches), and only without it does `If-Modified-Since` count.
    public func response(to request: Request) -> Response {
        // Compressed the first time a client asks for gzip, then kept.
        let gzip = Self.acceptsGzip(request.headers[values: .acceptEncoding]) ? self.gzip : nil
        let gzipped = gzip != nil
        let tag = gzipped ? gzipETag : eTag
        var headers: HTTPFields = [
            .contentType: contentType,
            .eTag: tag,
            .lastModified: HTTPDate.string(lastModified),
            .cacheControl: cacheControl,
            .xContentTypeOptions: "nosniff",
        ]
        if mayCompress { headers[.vary] = "Accept-Encoding" }
        if gzipped { headers[.contentEncoding] = "gzip" }
        let body = gzipped ? gzip! : identity
        // Also on 304 and HEAD: RFC 9110 §8.6 allows Content-Length there only as the
        // length a 200 would carry, and Hummingbird would otherwise write 0.
        headers[.contentLength] = String(body.readableBytes)
        if isNotModified(request, tag: tag) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers, body: ResponseBody())
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    func isNotModified(_ request: Request, tag: String) -> Bool {
        let ifNoneMatch = request.headers[values: .ifNoneMatch]
        if !ifNoneMatch.isEmpty {
            return Self.matches(ifNoneMatch, tag: tag)
        }
        if let since = request.headers[.ifModifiedSince], let seconds = HTTPDate.parse(since) {
            return lastModified.secondsSinceEpoch <= seconds
        }
        return false
    }

    /// Weak comparison of an `If-None-Match` list against our (strong) tag.
    static func matches(_ values: [String], tag: String) -> Bool {
        for value in values {
            for candidate in value.split(separator: ",") {
                var candidate = candidate.drop(while: { $0 == " " || $0 == "\t" })
                while let last = candidate.last, last == " " || last == "\t" { candidate.removeLast() }
                if candidate == "*" { return true }
                if candidate.hasPrefix("W/") { candidate = candidate.dropFirst(2) }
                if candidate == tag { return true }
            }
        }
        return false
    }

    /// Whether `Accept-Encoding` allows gzip: named (or `x-gzip`, or `*`) with a q-value
    /// above zero, and not refused by name.
    static func acceptsGzip(_ values: [String]) -> Bool {
        var gzip: Double?
        var any: Double?
        for value in values {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";")
                guard let first = parts.first else { continue }
                let coding = first.trimmingCharacters(in: " \t").lowercased()
                var quality = 1.0
                for parameter in parts.dropFirst() {
                    let pair = parameter.trimmingCharacters(in: " \t").lowercased()
                    if pair.hasPrefix("q=") { quality = Double(pair.dropFirst(2)) ?? 0 }
                }
                switch coding {
                case "gzip", "x-gzip": gzip = max(gzip ?? 0, quality)
                case "*": any = quality
                default: break
                }
            }
        }
        return (gzip ?? any ?? 0) > 0
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> Substring {
        let text = self[...]
        let start = text.firstIndex(where: { !set.contains($0) }) ?? text.endIndex
        let end = text.lastIndex(where: { !set.contains($0) }).map { text.index(after: $0) } ?? start
        return Substring(text[start..<end])
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}
