import HTTPTypes
public import HummingbirdCore
import NIOCore
import Registry

extension CachedResource {
    /// The response to a GET or HEAD of this resource: 200 with the representation the
    /// client accepts (gzip when it asks for it), or 304 when its cached copy is current.
    ///
    /// Conditional requests follow RFC 9110 §13.2.2: `If-None-Match` decides when present
    /// (weak comparison, `*` matches), and only without it does `If-Modified-Since` count.
    public func response(to request: Request) -> Response {
        // Compressed the first time a client asks for gzip, then kept.
        if Self.acceptsGzip(request.headers), let gzip {
            var headers = Self.headers(
                contentType: contentType, eTag: gzipETag, lastModified: prepared.lastModified,
                cacheControl: cacheControl, vary: true, gzip: true, length: gzip.readableBytes)
            if isNotModified(request, tag: gzipETag) {
                headers[.contentType] = nil
                return Response(status: .notModified, headers: headers, body: ResponseBody())
            }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: gzip))
        }
        if isNotModified(request, tag: eTag) {
            return Response(status: .notModified, headers: prepared.notModified, body: ResponseBody())
        }
        return Response(status: .ok, headers: prepared.ok, body: ResponseBody(byteBuffer: identity))
    }

    /// The identity representation's headers, built once: most requests want exactly these.
    struct PreparedHeaders: Sendable {
        let lastModified: String
        let ok: HTTPFields
        /// As `ok`, without `Content-Type`.
        let notModified: HTTPFields

        init(contentType: String, eTag: String, lastModified: Instant, cacheControl: String, length: Int) {
            self.lastModified = HTTPDate.string(lastModified)
            var headers = CachedResource.headers(
                contentType: contentType, eTag: eTag, lastModified: self.lastModified,
                cacheControl: cacheControl, vary: length > CachedResource.compressionThreshold, gzip: false,
                length: length)
            ok = headers
            headers[.contentType] = nil
            notModified = headers
        }
    }

    static func headers(
        contentType: String, eTag: String, lastModified: String, cacheControl: String, vary: Bool, gzip: Bool,
        length: Int
    ) -> HTTPFields {
        var headers: HTTPFields = [
            .contentType: contentType,
            .eTag: eTag,
            .lastModified: lastModified,
            .cacheControl: cacheControl,
            .xContentTypeOptions: "nosniff",
        ]
        if vary { headers[.vary] = "Accept-Encoding" }
        if gzip { headers[.contentEncoding] = "gzip" }
        // Also on 304 and HEAD: RFC 9110 §8.6 allows Content-Length there only as the
        // length a 200 would carry, and Hummingbird would otherwise write 0.
        headers[.contentLength] = String(length)
        return headers
    }

    func isNotModified(_ request: Request, tag: String) -> Bool {
        switch Self.single(.ifNoneMatch, in: request.headers) {
        case .some(.some(let value)) where value == tag:
            // A client revalidating its copy sends exactly the tag it was given.
            return true
        case .some:
            return Self.matches(request.headers[values: .ifNoneMatch], tag: tag)
        case .none:
            break
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

    /// Whether the request's `Accept-Encoding` allows gzip; no header means no.
    static func acceptsGzip(_ headers: HTTPFields) -> Bool {
        switch single(.acceptEncoding, in: headers) {
        case .none: false
        case .some(.some("gzip")): true
        case .some: acceptsGzip(headers[values: .acceptEncoding])
        }
    }

    /// The header's value when it appears once, `.some(nil)` when more than once, nil when
    /// not at all: without the copying of `HTTPFields`' joined and listed values.
    static func single(_ name: HTTPField.Name, in headers: HTTPFields) -> String?? {
        var found: String?? = nil
        for field in headers where field.name == name {
            if found != nil { return .some(nil) }
            found = .some(field.value)
        }
        return found
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
