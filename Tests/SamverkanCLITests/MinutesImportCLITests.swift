import Foundation
import MinutesImport
import Testing

/// `samverkan minutes import` on a copy of `Data/` in a temporary folder, never the
/// repository's: what it writes compiles, passes `swift format lint --strict`, and a
/// second run adds nothing; bad input writes nothing.
@Suite(.serialized) struct MinutesImportCLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/MinutesImportTests/Fixtures").path
    static let modules = root.appendingPathComponent(".build/debug/Modules").path

    /// A fresh copy of `Data/`; its path.
    static func copyOfData() throws -> String {
        let folder = NSTemporaryDirectory() + "samverkan-data-test-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("Data").path, toPath: folder)
        return folder
    }

    static func contents(_ folder: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return files
    }

    static func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "minutes-\(UUID().uuidString).txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [
        "", "\n\n  \n", "Inköpslista\nmjölk\nbröd\n", "Helsingborg 2026-04-10\nEn rad utan mer.\n",
    ])
    func inputThatIsNotMinutesIsRefusedAndWritesNothing(_ text: String) async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let before = try Self.contents(data)
        let path = try Self.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = await CLI.run(
            "minutes", "import", path, "--write", "--data", data, "--modules", Self.modules)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(path)
                && (run.stderr.contains("tom") || run.stderr.contains("inget protokoll")))
        #expect(run.stdout.isEmpty)
        #expect(try Self.contents(data) == before)
    }

    @Test func anotherLayoutIsReviewedAndNothingWritten() async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let before = try Self.contents(data)
        let run = await CLI.run(
            "minutes", "import", Self.fixtures + "/ks-au-2026-03-03.txt", "--data", data, "--modules",
            Self.modules)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Datum: 3 mars 2026"))
        #expect(run.stdout.contains("Plats: Stadshuset, Helsingborg"))
        #expect(run.stdout.contains("Närvarande: 5, frånvarande: 0, punkter: 2"))
        #expect(run.stdout.contains("Rader som inte förstods"))
        #expect(try Self.contents(data) == before)
    }

    /// Writes the minutes of 22 May into a copy of Data/: the placeholder meeting is
    /// replaced in place, the files pass the formatter's strict lint, and a second run
    /// adds nothing.
    @Test func writingCompilesIsFormattedAndIsIdempotent() async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let minutes = Self.fixtures + "/kdm-2026-05-22.txt"
        let first = await CLI.run(
            "minutes", "import", minutes, "--write", "--data", data, "--modules", Self.modules)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Skrev "))
        let written = try Self.contents(data)
        #expect(
            written["Meetings.swift"]?.components(separatedBy: "Meeting.ID(\"kdm-2026-05-22\")").count == 2)
        #expect(
            written["Meetings.swift"]?.contains("Attendance(.agnetaFristedt, for: .bjuv, .present)") == true)
        #expect(written["People.swift"]?.contains("add(Person(.annaBerg, name: \"Anna Berg\"") == true)
        #expect(
            written["Documents.swift"]?.contains(
                "public static let minutes20260522 = Document.ID(\"kdm-2026-05-22\")") == true)
        let lint = Self.lint(data)
        #expect(lint.status == 0, "\(lint.output)")
        let second = await CLI.run(
            "minutes", "import", minutes, "--write", "--data", data, "--modules", Self.modules)
        #expect(second.status == 0)
        #expect(second.stdout.contains("finns redan"))
        #expect(try Self.contents(data) == written)
    }

    /// Leaving out the draft of a new person that the meeting's agenda names breaks the
    /// registry's rules: the check in process refuses, and nothing is written.
    @Test func draftsThatBreakTheRulesWriteNothing() async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let before = try Self.contents(data)
        let minutes = Self.fixtures + "/kdm-2026-05-22.txt"
        let review = await CLI.run("minutes", "import", minutes, "--json", "--data", data)
        let drafts = try #require(try CLI.json(review)["drafts"] as? [[String: Any]])
        let person = try #require(drafts.first { $0["id"] as? String == "lena-holm" }?["number"] as? Int)
        let run = await CLI.run(
            "minutes", "import", minutes, "--write", "--skip", "\(person)", "--data", data, "--modules",
            Self.modules)
        #expect(run.status == 1)
        #expect(run.stderr.contains("inget skrevs") && run.stderr.contains("lena-holm"), "\(run.stderr)")
        #expect(try Self.contents(data) == before)
    }

    static func lint(_ folder: String) -> ToolRun {
        let configuration = root.appendingPathComponent(".swift-format").path
        return Tool.run([
            "swift", "format", "lint", "--strict", "--configuration", configuration, "-r", folder,
        ])
    }
}
