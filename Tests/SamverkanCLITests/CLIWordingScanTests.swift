import Foundation
import Registry
import RegistryData
import RegistryFixtures
import Testing

/// The command line's text and JSON over the real data pass the wording scan
/// (`WordingScan`): one way to write a time, ”…” quotation marks, one phrase per concept.
/// Its text is English with Swedish values, so the capital-letter rules do not apply.
@Suite struct CLIWordingScanTests {
    static let commands: [[String]] = [
        ["who", "Bjuv", "--on", "2026-04-10"], ["represents", "Agneta Fristedt", "--on", "2026-04-10"],
        ["bodies", "--on", "2026-04-10"], ["body", "energinatverket", "--on", "2026-06-01"],
        ["upcoming", "--from", "2026-04-10", "--days", "60"], ["attendance", "kdm-2026-04-10"],
        ["actions", "--on", "2026-12-04"], ["decision", "kdm-2026-04-10-scenario-3", "--on", "2026-05-01"],
        ["decision", "kdm-2026-04-10-energinatverk", "--on", "2026-05-23"], ["changes"],
    ]

    @Test(arguments: commands)
    func textAndJSONFollowTheRules(arguments: [String]) async throws {
        let scan = WordingScan(registry: .familjenHelsingborg)
        let text = await CLI.run(arguments)
        #expect(text.status == 0, "\(arguments): \(text.stderr)")
        let place = "samverkan " + arguments.joined(separator: " ")
        var findings = text.stdout.split(separator: "\n").flatMap {
            scan.scan(String($0), place: place, sentences: false)
        }
        let json = await CLI.run(arguments + ["--json"])
        findings += try WordingScan.jsonStrings(Data(json.stdout.utf8)).flatMap {
            scan.scan($0, place: place + " --json", sentences: false)
        }
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }
}
