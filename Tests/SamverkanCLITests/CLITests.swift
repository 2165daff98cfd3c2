import Foundation
import Synchronization
import Testing

@testable import samverkan

/// What one command line did.
struct Run: Equatable {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs command lines in-process, as `samverkan ARGUMENTS` would run them, and reads what
/// they printed; `spawn` runs the built binary for what only a real process shows.
enum CLI {
    static func run(_ arguments: String...) async -> Run { await run(arguments) }

    static func run(_ arguments: [String]) async -> Run {
        let capture = Console.Capture()
        let status = await Console.$capture.withValue(capture) { await Samverkan.execute(arguments) }
        return Run(
            status: status, stdout: capture.out.withLock { $0 }, stderr: capture.err.withLock { $0 })
    }

    static func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }
}

@Suite("The samverkan command line")
struct CLITests {
    @Test("who prints the director and the bodies, and nothing on stderr")
    func who() async throws {
        let run = await CLI.run("who", "Bjuv", "--on", "2026-04-10")
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        // The minutes give no titles: the role is the registry's.
        #expect(run.stdout.contains("Director: Agneta Fristedt (kommundirektör, tolkning)"))
        #expect(run.stdout.contains("Kommundirektörerna"))
    }

    @Test("text reports show what the registry inferred with (tolkning)")
    func inferredInTextReports() async throws {
        let body = await CLI.run("body", "energinatverket", "--on", "2026-04-20")
        #expect(body.stdout.hasPrefix("Energinätverket (tolkning) (energinatverket) on 2026-04-20"))
        let bodies = await CLI.run("bodies", "--on", "2026-04-20")
        #expect(bodies.stdout.contains("(tolkning)"))
        let represents = await CLI.run("represents", "Karl Lundberg", "--on", "2026-04-20")
        #expect(represents.stdout.contains("(tolkning)"), "\(represents.stdout)")
    }

    @Test("who --json has the documented keys", arguments: ["ANGELHOLM", "Ängelholm", "angelholm"])
    func whoJSON(query: String) async throws {
        let run = await CLI.run("who", query, "--on", "2026-04-10", "--json")
        #expect(run.status == 0)
        let object = try CLI.json(run)
        #expect(Set(object.keys) == ["date", "municipality", "director", "representatives"])
        #expect(object["date"] as? String == "2026-04-10")
        #expect((object["municipality"] as? [String: Any])?["id"] as? String == "angelholm")
        let director = try #require(object["director"] as? [String: Any])
        #expect(director["vacant"] as? Bool == false)
    }

    @Test("who without --on answers for today and says which day")
    func whoToday() async throws {
        let run = await CLI.run("who", "klippan", "--json")
        #expect(run.status == 0)
        let date = try #require(try CLI.json(run)["date"] as? String)
        #expect(date.count == 10)
    }

    @Test(
        "an unknown or ambiguous name fails with one line on stderr and nothing on stdout",
        arguments: [
            (["who", "Malmo"], "no municipality 'Malmo'; known municipalities: Helsingborg"),
            (["who", "Bjov"], "did you mean Bjuv?"),
            (
                ["represents", "Ander"],
                "'Ander' matches more than one person: Pernilla Anderberg, Sofia Andersson Widen"
            ),
            (["represents", "Kalle"], "no person 'Kalle'"),
            (["body", "nosuchbody"], "no body 'nosuchbody'"),
            (["attendance", "kdm-1999"], "no meeting 'kdm-1999'"),
            (["upcoming", "--municipality", "Lund"], "no municipality 'Lund'"),
        ])
    func notFound(arguments: [String], message: String) async throws {
        let run = await CLI.run(arguments)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test(
        "a malformed date names the expected form, with nothing on stdout",
        arguments: [
            ["who", "Bjuv", "--on", "2026-4-10"], ["who", "Bjuv", "--on", "2026-02-30", "--json"],
            ["represents", "Fristedt", "--on", "tomorrow"], ["bodies", "--on", "10/4/2026"],
            ["upcoming", "--from", "2026-04"],
        ])
    func malformedDate(arguments: [String]) async throws {
        let run = await CLI.run(arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("YYYY-MM-DD"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test("represents lists a person's seats; Åstor finds Åstorp's director")
    func represents() async throws {
        let run = await CLI.run("represents", "pålsson", "--on", "2026-04-10")
        #expect(run.status == 0)
        #expect(run.stdout.contains("Christer Pålsson on 2026-04-10"))
        let who = await CLI.run("who", "Åstor", "--on", "2026-04-10")
        #expect(who.stdout.contains("Christer Pålsson"))
    }

    @Test("bodies shows the proposed network as proposed; body lists staff")
    func bodies() async throws {
        let list = await CLI.run("bodies", "--on", "2026-04-10")
        #expect(list.status == 0)
        #expect(list.stdout.contains("proposed"))
        let body = await CLI.run("body", "sekretariatet", "--on", "2026-05-01")
        #expect(body.stdout.contains("Staff\n"))
        #expect(body.stdout.contains("Teodor Isaksson"))
    }

    @Test("upcoming --kind narrows the list; an unknown kind is a usage error")
    func upcoming() async throws {
        let run = await CLI.run(
            "upcoming", "--from", "2026-04-10", "--days", "30", "--kind", "deadlines", "--json")
        #expect(run.status == 0)
        let events = try #require(try CLI.json(run)["events"] as? [[String: Any]])
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0["kind"] as? String == "deadlines" })

        let bad = await CLI.run("upcoming", "--kind", "parties")
        #expect(bad.status == 64)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("'meetings', 'deadlines' or 'start-dates'"))
        #expect(bad.stderr.split(separator: "\n").count == 1)
    }

    @Test("attendance of one meeting by day or ID")
    func attendance() async throws {
        let byDay = await CLI.run("attendance", "2026-04-10")
        let byID = await CLI.run("attendance", "kdm-2026-04-10")
        #expect(byDay.status == 0)
        #expect(byDay.stdout == byID.stdout)
        #expect(byDay.stdout.contains("remote"))
        #expect(byDay.stdout.contains("Attendance by municipality"))
    }

    @Test(
        "every command's text fits 80 columns",
        arguments: [
            ["who", "Helsingborg", "--on", "2026-04-10"], ["represents", "Teodor", "--on", "2026-04-10"],
            ["bodies", "--on", "2026-04-10"], ["body", "energinatverket", "--on", "2026-04-10"],
            ["upcoming", "--from", "2026-04-10", "--days", "60"], ["attendance"],
        ])
    func width(arguments: [String]) async throws {
        let run = await CLI.run(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("\n"))
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
