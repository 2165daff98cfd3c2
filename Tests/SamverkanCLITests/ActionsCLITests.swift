import Foundation
import Testing

@Suite("samverkan actions, decision and validate on the follow-up of decisions")
struct ActionsCLITests {
    @Test("actions lists the ten municipalities that have not given notice on the offer, none overdue")
    func actionsNoNotice() async throws {
        let run = await CLI.run("actions", "--on", "2026-12-04")
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Open actions on 2026-12-04: 10, 0 overdue\n"))
        #expect(run.stdout.contains("no notice yet"))
        #expect(run.stdout.contains("Bjuv"))
        #expect(!run.stdout.contains("Helsingborg "), "Helsingborg procures the platform and is not asked")
    }

    @Test("actions --municipality --json before the deadline: no notice yet")
    func actionsJSON() async throws {
        let run = await CLI.run("actions", "--municipality", "bjuv", "--on", "2026-04-20", "--json")
        #expect(run.status == 0)
        let object = try CLI.json(run)
        #expect(Set(object.keys) == ["date", "municipality", "municipalityName", "open"])
        let open = try #require(object["open"] as? [[String: Any]])
        #expect(open.count == 1)
        #expect(open.first?["status"] as? String == "no-notice")
        #expect(open.first?["due"] as? String == "2026-04-30")
        #expect((open.first?["party"] as? [String: Any])?["id"] as? String == "bjuv")
    }

    @Test("actions for a municipality that is not asked says nothing is open")
    func actionsNothingOpen() async throws {
        let run = await CLI.run("actions", "--municipality", "Helsingborg", "--on", "2026-12-04")
        #expect(run.status == 0)
        #expect(run.stdout == "Nothing open for Helsingborg on 2026-12-04.\n")
    }

    @Test("decision shows a row per asked party")
    func decision() async throws {
        let run = await CLI.run("decision", "kdm-2026-04-10-scenario-3", "--on", "2026-12-04")
        #expect(run.status == 0)
        #expect(run.stdout.contains("Varje kommun tar ställning till scenario 3 (gemensam lärplattform)"))
        #expect(run.stdout.contains("On 2026-12-04: 0 of 10 have given notice"))
        #expect(run.stdout.contains("Inferred deadline:"))
        let json = try CLI.json(
            await CLI.run("decision", "kdm-2026-04-10-scenario-3", "--on", "2026-04-30", "--json"))
        let actions = try #require(json["actions"] as? [[String: Any]])
        #expect(actions.count == 1)
        #expect(actions.first?["asked"] as? Int == 10)
        let rows = try #require(actions.first?["rows"] as? [[String: Any]])
        #expect(actions.first?["kind"] as? String == "offer")
        #expect(rows.allSatisfy { $0["status"] as? String == "no-notice" })
    }

    @Test("an unknown decision fails with one line on stderr")
    func unknownDecision() async throws {
        let run = await CLI.run("decision", "nosuch")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no decision 'nosuch'"))
    }

    @Test("validate does not call an offer overdue, and counts the inferred facts")
    func validate() async throws {
        let run = await CLI.run("validate", "--on", "2026-12-04")
        #expect(run.status == 0)
        #expect(!run.stdout.contains("was due"), "scenario 3 is an offer: nobody is late")
        #expect(run.stdout.contains("facts marked inferred"))
        let early = await CLI.run("validate", "--on", "2026-04-30")
        #expect(!early.stdout.contains("overdue") && !early.stdout.contains("was due"))
    }
}

@Suite("the follow-up reports fit an 80-column terminal")
struct ActionsCLIWidthTests {
    @Test(arguments: [
        ["actions", "--on", "2026-12-04"], ["actions", "--municipality", "Bjuv", "--on", "2026-04-20"],
        ["decision", "kdm-2026-04-10-scenario-3", "--on", "2026-12-04"],
        ["decision", "kdm-2026-04-10-marknadsforingsfilm"],
    ])
    func fits(arguments: [String]) async throws {
        let run = await CLI.run(arguments)
        #expect(run.status == 0)
        for line in run.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }
}
