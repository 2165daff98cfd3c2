import Foundation
import Testing

/// `samverkan digest` refuses bad input before anything is written or sent, naming what
/// and where, and writes one message per person with something to be told.
@Suite struct DigestCLITests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "digest-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func exports() -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Exports").path
    }

    @Test func aBadRecipientsFileNamesEachLineAndNothingIsWritten() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recipients = folder.appendingPathComponent("recipients").path
        try
            "agneta-fristedt agneta@bjuv.se\nnils-holgersson nils@example.se\ncarina-leffler carina.example.se\n"
            .write(toFile: recipients, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let run = await CLI.run(
            "digest", "--week", "2026-W21", "--all", "--recipients", recipients, "--out", out, "--exports",
            Self.exports())
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(recipients):2: error: unknown person 'nils-holgersson'"))
        #expect(run.stderr.contains("\(recipients):3: error: invalid e-mail address 'carina.example.se'"))
        #expect(run.stdout.isEmpty)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: out))?.isEmpty ?? true)
    }

    @Test(arguments: [
        (["--week", "2026-21", "--all"], "--week"),
        (["--week", "2026-W21", "--all", "--send"], "--send needs --state"),
        (["--week", "2026-W21"], "--person SLUG"),
        (["--week", "2026-W21", "--person", "hugo"], "nobody with a personal calendar"),
    ])
    func aBadCommandLineIsAUsageError(arguments: [String], named: String) async throws {
        let run = await CLI.run(
            ["digest", "--recipients", "/nonexistent", "--out", "/nonexistent"] + arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(named), "\(run.stderr)")
    }

    @Test func theWeekOfTheMeetingOf22MayWritesAMessageToEachRecipient() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recipients = folder.appendingPathComponent("recipients").path
        try "agneta-fristedt agneta@bjuv.se\nanna-kronbert anna@example.se\n"
            .write(toFile: recipients, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = await CLI.run(
            "digest", "--week", "2026-W21", "--all", "--recipients", recipients, "--out", out.path,
            "--exports",
            Self.exports(), "--now", "2026-05-18T04:00:00Z")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path) == ["2026-W21-agneta-fristedt.eml"])
        #expect(run.stdout.contains("nothing for anna-kronbert in 2026-W21: no mail"))
        #expect(run.stdout.contains("no address (not mailed): ardiana-demjaha, asa-simonsson"))
        let message = try String(
            contentsOf: out.appendingPathComponent("2026-W21-agneta-fristedt.eml"), encoding: .utf8)
        #expect(message.contains("To: <agneta@bjuv.se>"))
    }
}
