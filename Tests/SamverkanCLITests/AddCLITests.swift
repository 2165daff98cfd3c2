import Foundation
import MinutesImport
import Testing

/// `samverkan add` for every kind of record, one after another on one copy of `Data/`
/// (`--no-check`), then the result type-checked once and linted: one compile for all
/// kinds, not one per kind.
@Suite(.serialized) struct AddCLITests {
    typealias M = MinutesImportCLITests

    static let source = ["--source", "kdm-2026-06-12"]

    /// Each command line, and a line of Swift it must leave in the named file.
    static let steps: [([String], String, String)] = [
        (
            [
                "document", "--id", "kdm-2026-06-12", "--title", "Kommundirektörmöte i Familjen Helsingborg",
                "--date", "2026-06-12",
            ],
            "Documents.swift", "public static let minutes20260612 = Document.ID(\"kdm-2026-06-12\")"
        ),
        (
            ["person", "--name", "Eva Strand", "--item", "3"] + source,
            "People.swift",
            "add(Person(.evaStrand, name: \"Eva Strand\", source: Source(.minutes20260612, item: \"3\")))"
        ),
        (
            [
                "membership", "--person", "eva-strand", "--body", "Kommundirektörerna", "--role",
                "kommundirektör",
                "--municipality", "Bjuv", "--from", "2026-09-01", "--end-previous",
            ] + source,
            "Memberships.swift",
            ".agnetaFristedt, in: .directors, as: .director, for: .bjuv, to: Day(2026, 9, 1),"
        ),
        (
            [
                "staff", "--person", "eva-strand", "--body", "sekretariatet", "--title", "samordnare",
                "--starts",
                "2026-08-17", "--starts-inferred", "Protokollet säger \"i mitten av augusti\".",
            ] + source,
            "Staff.swift", ".evaStrand, in: .secretariat, title: \"samordnare\", starts: Day(2026, 8, 17),"
        ),
        (
            [
                "meeting", "--body", "Kommundirektörerna", "--title", "Kommundirektörsmöte", "--date",
                "2026-06-12",
                "--from", "08:30", "--to", "10:30", "--place", "Mindpark, Helsingborg",
            ] + source,
            "Meetings.swift", "time: .timed(Day(2026, 6, 12), from: LocalTime(8, 30), to: LocalTime(10, 30)),"
        ),
        (
            [
                "attendance", "--meeting", "kdm-2026-05-22", "--person", "Agneta Fristedt", "--municipality",
                "Bjuv",
                "--mode", "present",
            ],
            "Meetings.swift", "Attendance(.agnetaFristedt, for: .bjuv, .present)"
        ),
        (
            [
                "decision", "--meeting", "kdm-2026-06-12", "--item", "2", "--title", "Kontaktpersoner",
                "--text",
                "Att varje kommun utser en kontaktperson.", "--deadline", "2026-08-31",
                "--every-municipality",
            ]
                + source,
            "Decisions.swift", "public static let decision20260612Item2 = Decision.ID(\"kdm-2026-06-12-2\")"
        ),
        (
            [
                "request", "--decision", "kdm-2026-06-12-2", "--asked", "Bjuv, Klippan", "--what",
                "utse en kontaktperson", "--by", "2026-08-31",
            ] + source,
            "Decisions.swift",
            "asked: [.municipality(.bjuv), .municipality(.klippan)], what: \"utse en kontaktperson\","
        ),
        (
            [
                "answer", "--request", "kdm-2026-06-12-2-svar", "--party", "Bjuv", "--answer",
                "gave:kontaktperson",
                "--on", "2026-06-20", "--on-inferred", "Brevet är odaterat.",
            ] + source,
            "Responses.swift",
            ".municipality(.bjuv), to: .request20260612Item2Svar, answer: .gave(\"kontaktperson\"),"
        ),
        (
            ["body-status", "--body", "energinatverket", "--stage", "active", "--on", "2026-09-01"],
            "Bodies.swift",
            "lifecycle: Lifecycle(proposed: .on(Day(2026, 4, 10)), active: .on(Day(2026, 9, 1))),"
        ),
    ]

    @Test func everyKindIsWrittenAndTheResultCompilesOnce() async throws {
        let data = try M.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        for (arguments, _, _) in Self.steps {
            let run = await CLI.run(["add"] + arguments + ["--data", data, "--no-check"])
            #expect(run.status == 0, "\(arguments.first!): \(run.stderr)")
        }
        let files = try M.contents(data)
        for (arguments, file, line) in Self.steps {
            #expect(files[file]?.contains(line) == true, "\(arguments.first!): \(file) lacks \(line)")
        }
        let typecheck = Self.typecheck(data)
        #expect(typecheck.status == 0, "\(typecheck.output)")
        let lint = M.lint(data)
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func aBrokenReferenceWritesNothing() async throws {
        let data = try M.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let before = try M.contents(data)
        let run = await CLI.run(
            "add", "decision", "--meeting", "kdm-2099-01-01", "--item", "1", "--title", "x", "--text",
            "Att x.",
            "--source", "kdm-2026-04-10", "--data", data, "--no-check")
        #expect(run.status == 1)
        #expect(run.stderr.contains("--meeting: \"kdm-2099-01-01\" finns inte i Data/"))
        let role = await CLI.run(
            "add", "membership", "--person", "Elin Ask", "--body", "sekretariatet", "--role", "kung",
            "--source",
            "kdm-2026-04-10", "--data", data)
        #expect(role.status == 64)
        #expect(role.stderr.contains("sekreterare"))
        #expect(try M.contents(data) == before)
    }

    static func typecheck(_ folder: String) -> ToolRun {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".swift")
        }
        return Tool.run(
            [
                "swiftc", "-typecheck", "-parse-as-library", "-swift-version", "6", "-module-name",
                "RegistryData", "-I",
                M.modules,
            ] + files.map { folder + "/" + $0 })
    }
}
