import Foundation
import MinutesImport
import Testing

/// `scripts/lib/compiler_messages.py`, which `make validate` and `make export` show build
/// failures through, on the compiler's own output for the five most common mistakes in
/// Data/ (recorded in `CompilerOutput/` from `swiftc -typecheck` on a copy of Data/ with
/// one mistake each): one error per line, at Data/FILE.swift:LINE, with its hint.
struct CompilerMessagesTests {
    static let root = MinutesImportCLITests.root

    static let cases: [(String, String, String)] = [
        (
            "argument-order", "Data/Staff.swift:21: error: argument 'starts' must precede argument 'source'",
            "skriv starts: före source:"
        ),
        (
            "missing-comma", "Data/People.swift:46: error: expected ',' separator",
            "Ett kommatecken eller en parentes"
        ),
        (
            "unknown-name",
            "Data/Decisions.swift:119: error: cannot infer contextual base in reference to member",
            "Namnet .mikaelJohanson finns inte"
        ),
        (
            "misspelt-label", "Data/Municipalities.swift:45: error: incorrect argument label in call",
            "En etikett är felstavad"
        ),
        (
            "quote-in-string", "Data/Documents.swift:27: error: expected ',' separator",
            "skriv \\\" i stället för \""
        ),
    ]

    @Test(arguments: cases)
    func eachMistakeIsShownOnceWithItsHint(_ name: String, _ error: String, _ hint: String) throws {
        let output = try String(
            contentsOf: Self.root.appendingPathComponent(
                "Tests/SamverkanCLITests/CompilerOutput/\(name).txt"),
            encoding: .utf8)
        // `swift build` names files by absolute path; the script shows them from the package root.
        let absolute = output.replacingOccurrences(of: "Data/", with: Self.root.path + "/Data/")
        let shown = try Self.messages(absolute)
        let lines = shown.split(separator: "\n")
        #expect(lines.first?.hasPrefix(error) == true, "\(shown)")
        #expect(lines.count >= 2 && lines[1].contains("tips: ") && lines[1].contains(hint), "\(shown)")
        #expect(!shown.contains("|"))
        let errors = lines.filter { $0.contains(": error: ") }
        #expect(
            Set(errors.map { $0.split(separator: ":").prefix(2).joined(separator: ":") }).count
                == errors.count)
    }

    static func messages(_ input: String) throws -> String {
        Tool.run(
            ["python3", "scripts/lib/compiler_messages.py"], input: input, directory: root,
            separateErrors: true
        )
        .output
    }
}
