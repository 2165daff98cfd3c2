import ArgumentParser
import Foundation
import MinutesImport
import Registry
import RegistryData

/// `samverkan minutes import PATH`: drafts the records a set of minutes implies and, with
/// `--write`, adds them to `Data/`.
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Read minutes into drafted records of the registry.",
        subcommands: [MinutesImportCommand.self]
    )
}

/// Where `Data/` is and where the compiled `Registry` module is, for commands that write.
struct DataLocation: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The Data/ folder to write.", valueName: "PATH"))
    var data = "Data"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder with Registry.swiftmodule, for the compile check; default the tool's own build folder.",
            valueName: "PATH"))
    var modules: String?

    /// The editor for `Data/`; the modules folder defaults to `Modules` beside the tool.
    var editor: DataEditor {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let beside = executable.deletingLastPathComponent().appendingPathComponent("Modules").path
        let fallback = ProcessInfo.processInfo.environment["SAMVERKAN_MODULES"] ?? beside
        return DataEditor(dataDirectory: data, modulesDirectory: modules ?? fallback)
    }
}

struct MinutesImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Draft the records a set of minutes (text or PDF) implies; write them with --write.",
        discussion: """
            Without --write, prints a review: every record it would add or change, numbered, with the \
            line of the minutes it comes from, what it guessed and why, and every line it did not \
            understand. A decision that asks every municipality for something by a day is drafted as \
            a request; one that offers it ("erbjuds", "tar ställning", "frivilligt") as an offer, \
            which nobody is late for. Leave drafts out with --skip 3,7. Correct a draft with --set N.FIELD=VALUE \
            (repeatable): --set 5.deadline="1 maj", --set 9.party=Åstorp, --set 7.kind=erbjudande. \
            Values are read as the minutes are: Swedish dates, names matched to the registry. A \
            corrected field loses its mark as a guess (tolkning) unless the value ends in \
            "(tolkning)"; --confirm N.FIELD removes the mark and keeps the value. Fields: a meeting's \
            day, time, title, place; a decision's text, title, deadline ("ingen" removes it), item; a \
            request's or offer's what, by, kind (begäran, erbjudande), asked ("alla", "alla utom \
            Helsingborg", names); an answer's party, answer (ja, avböjt, "lämnat fullmakt"), on; a \
            start date's person, title, starts, ends, body; a seat's person, municipality, from, to; \
            a document's title, date; a person's name; a body's active, closed. The review ends \
            with the fields of each kind it drafted, and shows each correction. With --write in a \
            terminal it asks for each draft: write it (j), leave it out (n) or correct it (ä). \
            With --write it checks the drafts with validate's rules, writes them to Data/, lets swift \
            format lay them out and checks that Data/ still compiles; on any failure it writes \
            nothing. Minutes already imported (their document is in Data/) add nothing.
            """
    )

    @Argument(help: "The minutes: a .txt file, or a PDF with a text layer.")
    var path: String

    @Flag(name: .long, help: "Add the drafts to Data/.")
    var write = false

    @Option(name: .customLong("document-id"), help: "The new document's ID; default kdm-YYYY-MM-DD.")
    var documentID: String?

    @Flag(name: .long, help: "Print the drafts as JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Drafts to leave out, by number.", valueName: "3,7"))
    var skip: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Correct a draft's field before writing; repeatable. Fields: see above.",
            valueName: "N.FIELD=VALUE"))
    var corrections: [String] = []

    @Option(
        name: .customLong("confirm"),
        help: ArgumentHelp(
            "A guessed field is right: remove its mark, keep the value; repeatable.", valueName: "N.FIELD"))
    var confirmations: [String] = []

    @OptionGroup var location: DataLocation

    func run() throws {
        do throws(CommandFailure) {
            try importMinutes()
        } catch {
            printError("samverkan: \(error.message)")
            throw ExitCode(error.exitCode)
        }
    }

    func importMinutes() throws(CommandFailure) {
        let started = ContinuousClock.now
        let text: String
        do { text = try MinutesFile.read(path) } catch {
            throw CommandFailure(message: error.description, exitCode: 1)
        }
        let parsed = MinutesParser.parse(MinutesText(text))
        guard parsed.looksLikeMinutes else {
            throw CommandFailure(
                message: "\(path): hittar inget protokoll (inget datum, ingen närvarolista, inga punkter)",
                exitCode: 1)
        }
        let registry = CommandSupport.registry
        var plan = try corrected(Drafter.plan(parsed, registry: registry, documentID: documentID), registry)
        var skipped = try skippedDrafts(plan)
        if json {
            printOut(MinutesJSON.string(plan, skipping: skipped, names: nameSource()))
        } else {
            Console.write(plan.review(skipping: skipped, registry: registry))
        }
        guard write else { return }
        if Console.isInteractive, !json {
            guard let answered = DraftQuestions(registry: registry).ask(plan, skipped: skipped) else {
                throw CommandFailure(
                    message: "inmatningen tog slut innan alla förslag var besvarade; inget skrevs",
                    exitCode: 1)
            }
            (plan, skipped) = answered
        }
        try writeDrafts(plan, skipped: skipped, registry: registry)
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        printOut("Klart på \(String(format: "%.1f", seconds)) s.")
    }

    func nameSource() -> SwiftNames {
        let files = (try? location.editor.sources()) ?? [:]
        return SwiftNames(sources: files.keys.sorted().map { files[$0]! })
    }

    /// The numbers `--skip` names, each one a draft of the plan.
    func skippedDrafts(_ plan: ImportPlan) throws(CommandFailure) -> Set<Int> {
        guard let skip else { return [] }
        var numbers: Set<Int> = []
        for part in skip.split(separator: ",") {
            guard let number = Int(part.filter { $0 != " " }), (1...plan.drafts.count).contains(number) else {
                throw CommandFailure.usage(
                    "--skip: \"\(part)\" är inte numret på ett förslag (1–\(plan.drafts.count))")
            }
            numbers.insert(number)
        }
        return numbers
    }

    /// The plan with the corrections `--set` and `--confirm` make; a usage error, naming
    /// the draft and the field, for one that cannot be made.
    func corrected(_ plan: ImportPlan, _ registry: Registry) throws(CommandFailure) -> ImportPlan {
        do {
            let made =
                try corrections.map { text throws(CorrectionError) in try Correction(parsing: text) }
                + confirmations.map { text throws(CorrectionError) in try Correction(confirming: text) }
            return try plan.correcting(made, registry: registry)
        } catch {
            throw CommandFailure.usage("\(error.description); inget skrevs")
        }
    }

    func writeDrafts(_ plan: ImportPlan, skipped: Set<Int>, registry: Registry) throws(CommandFailure) {
        let editor = location.editor
        let files: [String: String]
        do { files = try editor.sources() } catch {
            throw CommandFailure(message: error.description, exitCode: 1)
        }
        let declared = SwiftNames(sources: files.keys.sorted().map { files[$0]! })
        if let document = plan.document, declared.name(of: document.rawValue, type: "Document") != nil {
            printOut("Dokumentet \(document) finns redan i \(location.data); inget skrevs.")
            return
        }
        let problems = plan.problems(in: registry, skipping: skipped)
        guard problems.isEmpty else {
            throw CommandFailure(
                message: "förslagen bryter mot registrets regler; inget skrevs:\n"
                    + problems.joined(separator: "\n"),
                exitCode: 1)
        }
        let chosen = plan.drafts.filter { !skipped.contains($0.number) }
        do {
            let written = try editor.write(chosen)
            printOut(
                "Skrev \(chosen.count) poster i \(written.map { "Data/" + $0 }.joined(separator: ", ")).")
        } catch {
            throw CommandFailure(message: error.description, exitCode: 1)
        }
    }
}

/// The drafts as JSON: number, kind, ID, line, summary, guesses, notes and the Swift
/// statement that would be written.
enum MinutesJSON {
    struct Entry: Encodable {
        let number: Int
        let kind: String
        let id: String
        let change: String
        let line: Int?
        let summary: String
        let inferred: [String: String]
        let notes: [String]
        let corrected: [String]
        let skipped: Bool
        let swift: String
    }

    struct Output: Encodable {
        let title: String?
        let date: String?
        let drafts: [Entry]
        let notUnderstood: [String]
    }

    static func string(_ plan: ImportPlan, skipping skipped: Set<Int>, names: SwiftNames) -> String {
        let source = SwiftSource(names: names)
        let entries = plan.drafts.map { draft in
            Entry(
                number: draft.number, kind: draft.kindLabel, id: draft.idText,
                change: draft.change == .add ? "add" : "replace", line: draft.line, summary: draft.summary,
                inferred: Dictionary(
                    draft.inferredMarks.map { ($0.field, $0.reason) }, uniquingKeysWith: { a, _ in a }),
                notes: draft.notes, corrected: draft.corrected, skipped: skipped.contains(draft.number),
                swift: source.statement(draft.record))
        }
        let output = Output(
            title: plan.parsed.title, date: plan.parsed.date?.description, drafts: entries,
            notUnderstood: plan.parsed.notUnderstood.map { "\($0.number): \($0.text)" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self)
    }
}
