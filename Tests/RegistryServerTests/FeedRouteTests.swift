import CalendarFeeds
import CompressNIO
import ExportFiles
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Pages
import Registry
import RegistryData
import RegistryServer
import Testing

@Suite struct FeedRouteTests {
    static let feedPaths = Registry.familjenHelsingborg.standardFeeds().map(\.path)

    @Test(arguments: feedPaths)
    func everyFeedIsServedByteForByteAsExported(path: String) async throws {
        let expected = try exportedBytes(path)
        try await makeApplication().test(.router) { client in
            try await client.execute(uri: "/feeds/\(path)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.bytes == expected)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(response.headers[.contentLength] == String(expected.count))
                let tag = try #require(response.headers[.eTag])
                #expect(tag.hasPrefix("\"sha256-") && tag.hasSuffix("\"") && !tag.hasPrefix("W/"))
                #expect(response.headers[.cacheControl] == "public, max-age=3600")
                #expect(response.headers[.vary] == "Accept-Encoding")
                #expect(response.headers[.contentEncoding] == nil)
            }
        }
    }

    @Test func lastModifiedIsTheRecordedRevisionNotNow() async throws {
        // Exports/revisions.tsv records each file's revision; the file's mtime says the same.
        let table = try String(
            contentsOf: exportsURL.appendingPathComponent("revisions.tsv"), encoding: .utf8)
        let line = try #require(table.split(separator: "\n").first { $0.hasPrefix("all.ics\t") })
        let revised = try #require(Instant(iso: line.split(separator: "\t")[1]))
        try await makeApplication().test(.router) { client in
            try await client.execute(uri: "/feeds/all.ics", method: .get) { response in
                #expect(response.headers[.lastModified] == HTTPDate.string(revised))
            }
        }
    }

    @Test func headAnswersWithTheHeadersOfGetAndNoBody() async throws {
        let expected = try exportedBytes("municipalities/bjuv.ics")
        try await makeApplication().test(.router) { client in
            let get = try await client.execute(uri: "/feeds/municipalities/bjuv.ics", method: .get)
            let head = try await client.execute(uri: "/feeds/municipalities/bjuv.ics", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(expected.count))
            for name in [HTTPField.Name.contentType, .eTag, .lastModified, .cacheControl, .vary] {
                #expect(head.headers[name] == get.headers[name], "\(name)")
            }
        }
    }

    @Test func ifNoneMatchGives304ExactlyWhenATagMatches() async throws {
        try await makeApplication().test(.router) { client in
            let first = try await client.execute(uri: "/feeds/all.ics", method: .get)
            let tag = try #require(first.headers[.eTag])
            let matching = [tag, "W/\(tag)", "\"other\", \(tag)", "*"]
            for value in matching {
                try await client.execute(uri: "/feeds/all.ics", method: .get, headers: [.ifNoneMatch: value])
                {
                    response in
                    #expect(response.status == .notModified, "If-None-Match: \(value)")
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.eTag] == tag)
                    #expect(response.headers[.cacheControl] == "public, max-age=3600")
                }
            }
            let other = try await client.execute(uri: "/feeds/meetings.ics", method: .get)
            let otherTag = try #require(other.headers[.eTag])
            for value in ["\"sha256-0\"", otherTag, "\(tag.dropLast())x\""] {
                try await client.execute(uri: "/feeds/all.ics", method: .get, headers: [.ifNoneMatch: value])
                {
                    response in
                    #expect(response.status == .ok, "If-None-Match: \(value)")
                    #expect(response.body.readableBytes > 0)
                }
            }
        }
    }

    @Test func ifModifiedSinceGives304OnlyWhenTheCopyIsCurrent() async throws {
        try await makeApplication().test(.router) { client in
            let cases: [(String, HTTPResponse.Status)] = [
                ("Fri, 10 Apr 2026 00:00:00 GMT", .notModified),
                ("Fri, 10 Apr 2026 12:00:00 GMT", .notModified),
                ("Friday, 10-Apr-26 00:00:00 GMT", .notModified),
                ("Fri Apr 10 00:00:00 2026", .notModified),
                ("Thu, 09 Apr 2026 23:59:59 GMT", .ok),
                ("not a date", .ok),
                ("Fri, 31 Feb 2026 00:00:00 GMT", .ok),
            ]
            for (date, status) in cases {
                try await client.execute(
                    uri: "/feeds/all.ics", method: .get, headers: [.ifModifiedSince: date]
                ) {
                    response in
                    #expect(response.status == status, "If-Modified-Since: \(date)")
                }
            }
        }
    }

    @Test func ifNoneMatchOverridesIfModifiedSince() async throws {
        try await makeApplication().test(.router) { client in
            // A stale tag with a current date: the tag decides (RFC 9110 §13.2.2).
            let headers: HTTPFields = [
                .ifNoneMatch: "\"sha256-stale\"", .ifModifiedSince: "Fri, 10 Apr 2030 00:00:00 GMT",
            ]
            try await client.execute(uri: "/feeds/all.ics", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func gzipIsServedWhenAskedForWithItsOwnETag() async throws {
        let expected = try exportedBytes("all.ics")
        try await makeApplication().test(.router) { client in
            let plain = try await client.execute(uri: "/feeds/all.ics", method: .get)
            let zipped = try await client.execute(
                uri: "/feeds/all.ics", method: .get, headers: [.acceptEncoding: "gzip, deflate, br"])
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.headers[.vary] == "Accept-Encoding")
            #expect(zipped.body.readableBytes < expected.count)
            var body = zipped.body
            let inflated = try body.decompress(with: .gzip)
            #expect(inflated.bytes == expected)
            let plainTag = try #require(plain.headers[.eTag])
            let zippedTag = try #require(zipped.headers[.eTag])
            #expect(zippedTag == "\(plainTag.dropLast())-gzip\"")
            try await client.execute(
                uri: "/feeds/all.ics", method: .get,
                headers: [.acceptEncoding: "gzip", .ifNoneMatch: zippedTag]
            ) { response in
                #expect(response.status == .notModified)
                #expect(response.headers[.eTag] == zippedTag)
            }
            try await client.execute(
                uri: "/feeds/all.ics", method: .get, headers: [.acceptEncoding: "gzip;q=0, identity"]
            ) { response in
                #expect(response.headers[.contentEncoding] == nil)
                #expect(response.body.bytes == expected)
            }
        }
    }

    @Test func noAcceptHeaderIsNeeded() async throws {
        try await makeApplication().test(.router) { client in
            try await client.execute(
                uri: "/feeds/meetings.ics", method: .get, headers: [.accept: "application/json"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
            }
        }
    }
}
