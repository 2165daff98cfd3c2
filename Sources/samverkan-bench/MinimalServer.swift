import ArgumentParser
import CalendarFeeds
import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import Registry
import RegistryServer
import ServiceLifecycle
import UnixSignals

/// The ceiling `samverkan serve` is measured against (`scripts/bench-serve.sh`): the
/// least Hummingbird's HTTP server can do to answer a feed as `serve` does. One address,
/// the feed's bytes and its gzip twin read from an export, the same strong ETags, 304 on
/// a matching `If-None-Match`, HEAD, the `Date` header, and `serve`'s request log line
/// (`RequestLog`); no timeouts, connection ceiling, guards or other headers.
struct MinimalServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minimal-server",
        abstract:
            "Serve one feed of an export with Hummingbird's bare HTTP server (the serving benchmark's ceiling)."
    )

    @Option(help: "The export folder to read the feed (and its .gz twin) from.")
    var exports = "Exports"

    @Option(help: "The feed: NAME in its address /feeds/NAME, the file NAME in the export folder.")
    var feed = "all.ics"

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one (the line printed at start names it).")
    var port = 8080

    func run() async throws {
        // `/feeds/NAME` is `NAME` in the export folder, as nginx maps it.
        let folder = URL(fileURLWithPath: exports)
        let identity = try Array(Data(contentsOf: folder.appendingPathComponent(feed)))
        let twin = try? Array(Data(contentsOf: folder.appendingPathComponent(feed + ".gz")))
        // Only for its tag: the same fingerprint `serve` sends for these bytes.
        let tagged = CachedResource(
            bytes: identity, contentType: CachedResource.calendarType,
            cacheControl: CachedResource.feedCacheControl, lastModified: Day(2026, 1, 1))
        let plain = Variant(bytes: identity, eTag: tagged.eTag, gzip: false)
        let gzip = twin.map { Variant(bytes: $0, eTag: tagged.gzipETag, gzip: true) }
        let logger = Logger(label: "samverkan.serve")
        let (host, path, dates) = (self.host, "/\(SiteMap.feedsFolder)/\(feed)", DateHeader())
        let server = try HTTPServerBuilder.http1().buildServer(
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger,
            responder: { (request, writer: consuming ResponseWriter, _) in
                let start = ContinuousClock.now
                var response: Response
                if request.uri.path != path {
                    response = Response(status: .notFound)
                } else {
                    let variant =
                        gzip.flatMap { request.headers[.acceptEncoding]?.contains("gzip") == true ? $0 : nil }
                        ?? plain
                    response = variant.response(ifNoneMatch: request.headers[.ifNoneMatch])
                }
                if request.method == .head { response = response.createHeadResponse() }
                RequestLog.write(request, response, since: start, to: logger)
                response.headers[.date] = dates.now
                try await writer.write(response: response.head, body: response.body)
            },
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                FileHandle.standardOutput.write(
                    Data("minimal-server: listening on http://\(host):\(port)\n".utf8))
            })
        try await ServiceGroup(
            configuration: .init(
                services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        ).run()
    }
}

/// One representation of the feed, its headers built once.
private struct Variant: Sendable {
    let body: ByteBuffer
    let eTag: String
    let headers: HTTPFields

    init(bytes: [UInt8], eTag: String, gzip: Bool) {
        body = ByteBuffer(bytes: bytes)
        self.eTag = eTag
        var headers: HTTPFields = [
            .contentType: CachedResource.calendarType, .eTag: eTag, .contentLength: String(bytes.count),
        ]
        if gzip { headers[.contentEncoding] = "gzip" }
        self.headers = headers
    }

    func response(ifNoneMatch: String?) -> Response {
        if ifNoneMatch == eTag { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
