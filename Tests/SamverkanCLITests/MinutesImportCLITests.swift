import Foundation
import MinutesImport
import RegistryFixtures
import Testing

@testable import samverkan

/// `samverkan minutes import` on a copy of `Data/` in a temporary folder, never the
/// repository's: what it writes compiles, passes `swift format lint --strict`, and a
/// second run adds nothing; bad input writes nothing.
@Suite(.serialized) struct MinutesImportCLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/MinutesImportTests/Fixtures").path
    static let modules = BuildProducts.modules

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

    /// The numbers of the drafts of `minutes` whose JSON kind is `kind`, in review order.
    static func numbers(_ minutes: String, kind: String, data: String) async throws -> [Int] {
        let review = await CLI.run("minutes", "import", minutes, "--json", "--data", data)
        let drafts = try #require(try CLI.json(review)["drafts"] as? [[String: Any]])
        return drafts.filter { $0["kind"] as? String == kind }.compactMap { $0["number"] as? Int }
    }

    /// `--set` and `--confirm`: the corrected values are in the review and in what is
    /// written, the corrected field no longer marked as a guess, and the result compiles.
    @Test func correctionsAreReviewedAndWritten() async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let minutes = Self.fixtures + "/kdm-2026-05-22.txt"
        let staff = try #require(try await Self.numbers(minutes, kind: "startdatum", data: data).first)
        let answer = try #require(try await Self.numbers(minutes, kind: "svar", data: data).first)
        let request = try #require(try await Self.numbers(minutes, kind: "begäran", data: data).first)
        let corrections = [
            "--set", "\(staff).starts=14 september", "--set", "\(request).kind=erbjudande", "--confirm",
            "\(answer).on",
        ]
        let review = await CLI.run(["minutes", "import", minutes, "--data", data] + corrections)
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("rättat: starts = 14 september 2026"))
        #expect(review.stdout.contains("rättat: on bekräftat"))
        #expect(review.stdout.contains("\(request). lägg till erbjudande"))
        let json = await CLI.run(["minutes", "import", minutes, "--json", "--data", data] + corrections)
        let drafts = try #require(try CLI.json(json)["drafts"] as? [[String: Any]])
        #expect(drafts[staff - 1]["corrected"] as? [String] == ["starts = 14 september 2026"])
        #expect((drafts[staff - 1]["swift"] as? String)?.contains("Day(2026, 9, 14)") == true)
        #expect((drafts[staff - 1]["inferred"] as? [String: String])?["starts"] == nil)
        let run = await CLI.run(
            ["minutes", "import", minutes, "--write", "--data", data, "--modules", Self.modules] + corrections
        )
        #expect(run.status == 0, "\(run.stderr)")
        let written = try Self.contents(data)
        let staffFile = try #require(written["Staff.swift"])
        #expect(staffFile.contains("starts: Day(2026, 9, 14)"))
        #expect(!staffFile.contains("Protokollet anger bara vecka"))
        #expect(written["Decisions.swift"]?.contains("kind: .offer") == true)
        #expect(Self.lint(data).status == 0)
    }

    /// A correction that cannot be made: a usage error naming the draft and the field, and
    /// nothing written.
    @Test(arguments: [
        (["--set", "40.title=x"], "förslag 40 finns inte"),
        (["--set", "1.färg=blå"], "förslag 1 (dokument) har inget fält ”färg”"),
        (["--set", "1.date=i morgon"], "förslag 1 (dokument), date: ”i morgon” är inget datum"),
        (["--confirm", "1.title"], "förslag 1 (dokument): ”title” är inte markerat som tolkning"),
    ])
    func aBadCorrectionWritesNothing(_ arguments: [String], _ message: String) async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let before = try Self.contents(data)
        let run = await CLI.run(
            ["minutes", "import", Self.fixtures + "/kdm-2026-05-22.txt", "--write", "--data", data]
                + arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message) && run.stderr.contains("inget skrevs"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(try Self.contents(data) == before)
    }

    /// In a terminal, one draft at a time: a start date corrected (ä), then written (j), an
    /// answer left out (n), the rest written; a typo is asked again.
    @Test func aSessionCorrectsOneDraftAndLeavesOneOut() async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let minutes = Self.fixtures + "/kdm-2026-09-04.txt"
        let review = await CLI.run("minutes", "import", minutes, "--json", "--data", data)
        let drafts = try #require(try CLI.json(review)["drafts"] as? [[String: Any]])
        var lines: [String] = []
        for draft in drafts {
            switch draft["kind"] as? String {
            case "startdatum": lines += ["x", "ä", "starts", "8 oktober", "j"]
            case "svar": lines += ["n"]
            default: lines += ["j"]
            }
        }
        let input = Console.Input(lines)
        let run = await Console.$input.withValue(input) {
            await CLI.run("minutes", "import", minutes, "--write", "--data", data, "--modules", Self.modules)
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Skriv? [J/n/ä] "))
        #expect(run.stdout.contains("Svara j (skriv), n (hoppa över) eller ä (ändra)."))
        #expect(run.stdout.contains("rättat: starts = 8 oktober 2026"))
        #expect(input.next() == nil)
        let written = try Self.contents(data)
        #expect(written["Staff.swift"]?.contains("starts: Day(2026, 10, 8)") == true)
        #expect(written["Responses.swift"]?.contains(".perstorp") != true)
        #expect(Self.lint(data).status == 0)
    }

    /// Input that ends before every draft is answered writes nothing.
    @Test func aSessionCutShortWritesNothing() async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let before = try Self.contents(data)
        let run = await Console.$input.withValue(Console.Input(["j", "ä", "title"])) {
            await CLI.run(
                "minutes", "import", Self.fixtures + "/kdm-2026-09-04.txt", "--write", "--data", data)
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("inget skrevs"))
        #expect(try Self.contents(data) == before)
    }

    static func lint(_ folder: String) -> ToolRun {
        let configuration = root.appendingPathComponent(".swift-format").path
        return Tool.run([
            "swift", "format", "lint", "--strict", "--configuration", configuration, "-r", folder,
        ])
    }
}
