import CalendarFeeds
import ExportFiles
import Foundation
import HTTPTypes
import HummingbirdCore
import NIOCore
import Pages
import Registry
import RegistryData
import RegistryServer
import Testing

@Suite struct FeedRouteTests {
    /// A file's revision as `Exports/revisions.tsv` records it (its mtime says the same).
    func recordedRevision(_ path: String) throws -> Instant {
        let table = try String(
            contentsOf: exportsURL.appendingPathComponent("revisions.tsv"), encoding: .utf8)
        let line = try #require(table.split(separator: "\n").first { $0.hasPrefix(path + "\t") })
        return try #require(Instant(iso: line.split(separator: "\t")[1]))
    }

    static let feedPaths = Registry.familjenHelsingborg.standardFeeds().map(\.path)

    @Test(arguments: feedPaths)
    func everyFeedIsServedByteForByteAsExported(path: String) async throws {
        let expected = try exportedBytes(path)
        try await makeApplication().test(.inProcess) { client in
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
        let revised = try recordedRevision("all.ics")
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/feeds/all.ics", method: .get) { response in
                #expect(response.headers[.lastModified] == HTTPDate.string(revised))
            }
        }
    }

    /// The Atom change logs at the addresses nginx serves them at, byte for byte.
    @Test(arguments: ["changes.atom", "changes/bjuv.atom", "changes/astorp.atom"])
    func changeLogsAreServedAsExported(path: String) async throws {
        let expected = try exportedBytes(path)
        let revised = try recordedRevision(path)
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/\(path)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.bytes == expected)
                #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
                #expect(response.headers[.lastModified] == HTTPDate.string(revised))
            }
            try await client.execute(
                uri: "/\(path)", method: .get, headers: [.ifModifiedSince: HTTPDate.string(revised)]
            ) { response in
                #expect(response.status == .notModified)
            }
        }
    }

    @Test(arguments: ["/changes/nowhere.atom", "/changes/bjuv.ics", "/changes/", "/changes.atom.gz"])
    func anUnknownChangeLogIs404(path: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound, "\(path)")
            }
        }
    }

    @Test func headAnswersWithTheHeadersOfGetAndNoBody() async throws {
        let expected = try exportedBytes("municipalities/bjuv.ics")
        try await makeApplication().test(.inProcess) { client in
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
        try await makeApplication().test(.inProcess) { client in
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
        // Relative to the feed's recorded revision, in each of the three date forms a
        // recipient must accept (RFC 9110 §5.6.7).
        let revised = try recordedRevision("all.ics")
        let day = revised.day
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let clock = "\(Day.pad(revised.hour, 2)):\(Day.pad(revised.minute, 2)):\(Day.pad(revised.second, 2))"
        let rfc850 =
            "\(weekdays[day.weekday - 1]), \(Day.pad(day.day, 2))-\(months[day.month - 1])-"
            + "\(Day.pad(day.year % 100, 2)) \(clock) GMT"
        let asctime =
            "\(weekdays[day.weekday - 1].prefix(3)) \(months[day.month - 1]) "
            + "\(day.day < 10 ? " " : "")\(day.day) \(clock) \(day.year)"
        let cases: [(String, HTTPResponse.Status)] = [
            (HTTPDate.string(revised), .notModified),
            (HTTPDate.string(revised.adding(seconds: 3600)), .notModified),
            (rfc850, .notModified),
            (asctime, .notModified),
            (HTTPDate.string(revised.adding(seconds: -1)), .ok),
            ("not a date", .ok),
            ("Fri, 31 Feb 2026 00:00:00 GMT", .ok),
        ]
        try await makeApplication().test(.inProcess) { client in
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
        try await makeApplication().test(.inProcess) { client in
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
        try await makeApplication().test(.inProcess) { client in
            let plain = try await client.execute(uri: "/feeds/all.ics", method: .get)
            let zipped = try await client.execute(
                uri: "/feeds/all.ics", method: .get, headers: [.acceptEncoding: "gzip, deflate, br"])
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.headers[.vary] == "Accept-Encoding")
            #expect(zipped.body.readableBytes < expected.count)
            // The export's gzip, byte for byte the twin nginx serves, and it holds the feed.
            #expect(zipped.body.bytes == (try exportedBytes("all.ics.gz")))
            #expect(
                zipped.body.withUnsafeReadableBytes { body in
                    expected.withUnsafeBytes { Gzip.decompresses(body, to: $0) }
                })
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
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(
                uri: "/feeds/meetings.ics", method: .get, headers: [.accept: "application/json"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
            }
        }
    }
}
