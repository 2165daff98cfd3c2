import HTTPTypes
import HummingbirdCore
import NIOCore
import RegistryServer
import Testing

@Suite struct BadInputTests {
    @Test(arguments: [
        "/feeds/nope.ics",
        "/feeds/sequences.tsv",
        "/feeds/municipalities/lund.ics",
        "/feeds/../Package.swift",
        "/feeds/municipalities/../all.ics",
        "/feeds/./all.ics",
        "/feeds/%2e%2e/%2e%2e/etc/passwd",
        "/feeds/municipalities%2Fbjuv.ics",
        "/feeds/all.ics%00",
        "/feeds//all.ics",
        "/feeds/all.ics/",
        "/feeds/ALL.ICS",
        "/..%5c..%5cwindows",
        "/kommuner/lund",
        "/organ/nope",
        "/nope",
        "/Exports/all.ics",
        "/api/nope",
    ])
    func unknownOrTrickyPathsAre404InSwedish(path: String) async throws {
        // A feed or the API answers in plain text; any other address with the 404 page,
        // which leads back to the start page, as nginx does.
        let plain = path.hasPrefix("/feeds/") || path.hasPrefix("/api/") || path.contains("%5c")
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound, "\(path)")
                #expect(
                    response.headers[.contentType]
                        == (plain ? "text/plain; charset=utf-8" : "text/html; charset=utf-8"),
                    "\(path)")
                #expect(response.body.text.contains("finns inte"))
                let leadsHome = response.body.text.contains("<a href=\"/\"><span>Startsidan</span></a>")
                #expect(plain || leadsHome, "\(path)")
            }
        }
    }

    @Test(arguments: [
        ("/kommuner/Bjuv", "/kommuner/bjuv"), ("/kommuner/%C3%84ngelholm", "/kommuner/angelholm"),
        ("/KOMMUNER/bjuv", "/kommuner/bjuv"), ("/kommuner", "/kommuner/"), ("/OM", "/om"),
    ])
    func anotherSpellingOfAPageRedirectsToIt(path: String, canonical: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .movedPermanently, "\(path)")
                #expect(response.headers[.location] == canonical, "\(path)")
            }
        }
    }

    @Test(arguments: [
        ("kind=birthdays", "meetings, deadlines, start-dates"),
        ("kind=", "meetings, deadlines, start-dates"),
        ("kind=meetings,,deadlines", "meetings, deadlines, start-dates"),
        ("municipality=lund", "bjuv"),
        ("municipality=", "helsingborg"),
        ("body=riksdagen", "energinatverket"),
        ("color=red", "kind, municipality, body, person"),
        ("person=nils-holgersson", "agneta-fristedt"),
        ("person=", "agneta-fristedt"),
        ("municipality=bjuv&municipality=klippan", "en gång"),
        ("body=eon&body=eon", "en gång"),
        ("kind=%ZZ", "kodning"),
        ("kind=%C3%28", "kodning"),
        // Control characters: `Text.slug("bjuv\0")` is "bjuv", but the value is not Bjuv's.
        ("municipality=bjuv%00", "styrtecken"),
        ("municipality=bjuv%09", "styrtecken"),
        ("body=energinatverket%0A", "styrtecken"),
        ("kind=meetings%0D", "styrtecken"),
        ("municipality=bjuv%C2%85", "styrtecken"),
    ])
    func badCustomFeedQueriesAre400NamingWhatIsAllowed(query: String, named: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/feeds/custom.ics?\(query)", method: .get) { response in
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                #expect(response.body.text.contains(named), "\(response.body.text)")
            }
        }
    }

    /// The API refuses control characters in its parameters the same way, although the
    /// name lookup would find Bjuv by the slug of `bjuv\0`.
    @Test(arguments: [
        "/api/upcoming?municipality=bjuv%00", "/api/upcoming?municipality=Bjuv%0A&days=7",
        "/api/municipalities/bjuv?on=2026-04-10%00", "/api/upcoming?kind=meetings%09",
    ])
    func controlCharactersInAPIParametersAre400(uri: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.body.text.contains("styrtecken"), "\(response.body.text)")
            }
        }
    }

    @Test(arguments: [HTTPRequest.Method.post, .put, .delete, .patch, .options, .trace])
    func methodsOtherThanGetAndHeadAre405(method: HTTPRequest.Method) async throws {
        try await makeApplication().test(.inProcess) { client in
            for path in ["/feeds/all.ics", "/", "/api/feeds", "/nope"] {
                try await client.execute(uri: path, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(response.headers[.allow] == "GET, HEAD")
                }
            }
        }
    }

    @Test func absurdlyLongURLsAreRefused() async throws {
        try await makeApplication().test(.inProcess) { client in
            let long = "/feeds/custom.ics?kind=" + String(repeating: "meetings,", count: 1000) + "meetings"
            try await client.execute(uri: long, method: .get) { response in
                #expect(response.status == .uriTooLong)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            }
            let longPath = "/feeds/" + String(repeating: "a", count: 5000) + ".ics"
            try await client.execute(uri: longPath, method: .get) { response in
                #expect(response.status == .uriTooLong)
            }
        }
    }
}

@Suite struct RouteShapeTests {
    @Test(arguments: ["/api", "/api/", "/api/feeds", "/"])
    func indexesAnswer(path: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok, "\(path)")
            }
        }
    }
}

/// Which part of the server an address reaches, told by what comes back: feeds and the
/// API answer unknown addresses in plain text, everything else with the missing page.
@Suite struct RouteDispatchTests {
    static let cases: [(path: String, status: HTTPResponse.Status, type: String)] = [
        ("/feeds/", .notFound, "text/plain"),
        ("/feeds/nope.ics", .notFound, "text/plain"),
        ("/changes.atom", .ok, "application/atom+xml"),
        ("/changes", .notFound, "text/html"),
        ("/changes/nope.atom", .notFound, "text/plain"),
        ("/api/municipalities/", .ok, "application/json"),
        ("/api/municipalities/Bjuv/", .ok, "application/json"),
        ("/api/nope", .notFound, "text/plain"),
        ("/api/people/a/b", .notFound, "text/plain"),
        ("/apix", .notFound, "text/html"),
        ("/popolo.json", .ok, "application/json"),
        ("/kommuner/", .ok, "text/html"),
        ("/kommuner/bjuv/", .notFound, "text/html"),
        ("/a/b/c", .notFound, "text/html"),
    ]

    @Test(arguments: cases)
    func eachAddressReachesItsPart(path: String, status: HTTPResponse.Status, type: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == status, "\(path)")
                #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(path)")
            }
        }
    }

    @Test(arguments: ["/", "/feeds/all.ics", "/api/feeds", "/nope", "/feeds/nope.ics"])
    func aHeadGetsTheHeadersOfAGetAndNoBody(path: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            let get = try await client.execute(uri: path, method: .get)
            let head = try await client.execute(uri: path, method: .head)
            #expect(head.status == get.status)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.contentType] == get.headers[.contentType])
            #expect(head.body.readableBytes == 0)
        }
    }
}
