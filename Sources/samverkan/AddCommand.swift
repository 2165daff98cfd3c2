import ArgumentParser
import Foundation
import MinutesImport
import Registry
import RegistryData

/// `samverkan add KIND …`: one record written into `Data/` from flags, as the importer
/// writes it (formatted, validated, type-checked), asking for missing fields in a terminal.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add one record to Data/: document, person, membership, staff, meeting, attendance, "
            + "decision, request, answer or body-status.",
        subcommands: [
            AddDocument.self, AddPerson.self, AddMembership.self, AddStaff.self, AddMeeting.self,
            AddAttendance.self, AddDecision.self, AddRequest.self, AddAnswer.self, AddBodyStatus.self,
        ]
    )
}

/// What every `add` shares: where `Data/` is, the compile check, and finding records by
/// name or ID in the registry and in `Data/`'s declarations.
struct AddOptions: ParsableArguments {
    @OptionGroup var location: DataLocation

    @Flag(name: .customLong("no-check"), help: "Skip the compile check (a script checks once at the end).")
    var noCheck = false

    var registry: Registry { CommandSupport.registry }

    var declared: SwiftNames {
        let files = (try? location.editor.sources()) ?? [:]
        return SwiftNames(sources: files.keys.sorted().map { files[$0]! })
    }

    func write(_ drafts: [Draft]) throws(CommandFailure) {
        let written = try DraftWriting.write(
            drafts, editor: location.editor, registry: registry, declared: declared, check: !noCheck)
        printOut("Skrev \(drafts.count) post(er) i \(written.map { "Data/" + $0 }.joined(separator: ", ")).")
    }

    /// `value`, or what the person types when it is missing and a terminal is attached.
    func required(_ flag: String, _ value: String?) throws(CommandFailure) -> String {
        if let value, !value.isEmpty { return value }
        if Console.input != nil || (Console.capture == nil && isatty(0) != 0) {
            Console.write("\(flag): ")
            if let line = Console.readLine(), !line.isEmpty { return line }
        }
        throw CommandFailure.usage("--\(flag) saknas")
    }

    func day(_ flag: String, _ value: String?) throws(CommandFailure) -> Day {
        let text = try required(flag, value)
        guard let day = Day(iso: text), day.isValid else {
            throw CommandFailure.usage("--\(flag): \"\(text)\" är inte ett datum (ÅÅÅÅ-MM-DD)")
        }
        return day
    }

    func optionalDay(_ flag: String, _ value: String?) throws(CommandFailure) -> Day? {
        guard let value else { return nil }
        return try day(flag, value)
    }

    /// A document by ID, declared in `Data/` or built into the tool.
    func source(_ document: String?, item: String?) throws(CommandFailure) -> Source {
        let id = try required("source", document)
        guard registry[Document.ID(id)] != nil || declared.name(of: id, type: "Document") != nil else {
            throw CommandFailure(message: "--source: dokumentet \"\(id)\" finns inte i Data/", exitCode: 1)
        }
        return Source(Document.ID(id), item: item)
    }

    /// A record of `type` by its ID as declared in `Data/` or built into the tool.
    func known(_ flag: String, _ value: String?, type: String, built: (String) -> Bool) throws(CommandFailure)
        -> String
    {
        let id = try required(flag, value)
        guard built(id) || declared.name(of: id, type: type) != nil else {
            throw CommandFailure(message: "--\(flag): \"\(id)\" finns inte i Data/", exitCode: 1)
        }
        return id
    }

    func person(_ value: String?) throws(CommandFailure) -> Person.ID {
        let text = try required("person", value)
        if registry[Person.ID(text)] != nil || declared.name(of: text, type: "Person") != nil {
            return Person.ID(text)
        }
        guard let id = NameResolver(registry).person(text).id else {
            throw CommandFailure(
                message: "--person: ingen person heter \"\(text)\"; lägg till den med add person", exitCode: 1
            )
        }
        return id
    }

    func body(_ value: String?) throws(CommandFailure) -> Body.ID {
        let text = try required("body", value)
        if registry[Body.ID(text)] != nil { return Body.ID(text) }
        guard let id = NameResolver(registry).body(text).id else {
            throw CommandFailure(message: "--body: inget organ heter \"\(text)\"", exitCode: 1)
        }
        return id
    }

    func municipality(_ flag: String, _ value: String?) throws(CommandFailure) -> Municipality.ID? {
        guard let value else { return nil }
        guard let id = NameResolver(registry).municipality(value).id else {
            throw CommandFailure(message: "--\(flag): ingen kommun heter \"\(value)\"", exitCode: 1)
        }
        return id
    }

    /// "Bjuv" or "sekretariatet": a municipality, else a body.
    func party(_ text: String) throws(CommandFailure) -> ActionRequest.Party {
        if let id = NameResolver(registry).municipality(text).id { return .municipality(id) }
        if let id = NameResolver(registry).body(text).id { return .body(id) }
        throw CommandFailure(message: "\"\(text)\" är varken en kommun eller ett organ", exitCode: 1)
    }

    static func inferred(_ field: String, _ reason: String?) -> [Inferred] {
        reason.map { [Inferred(field, because: $0)] } ?? []
    }
}

struct AddDocument: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "document", abstract: "Add a document.")
    @OptionGroup var options: AddOptions
    @Option var id: String?
    @Option var title: String?
    @Option var date: String?

    func run() throws {
        try runReporting { () throws(CommandFailure) in
            let record = Document(
                Document.ID(try options.required("id", id)), title: try options.required("title", title),
                date: try options.day("date", date))
            try options.write([Draft(.document(record), line: nil)])
        }
    }
}

struct AddPerson: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Add a person.")
    @OptionGroup var options: AddOptions
    @Option var name: String?
    @Option(help: "Default: the name in lower case with hyphens.") var id: String?
    @Option var email: String?
    @Option var source: String?
    @Option var item: String?

    func run() throws {
        try runReporting { () throws(CommandFailure) in
            let name = try options.required("name", name)
            let record = Person(
                Person.ID(id ?? Text.slug(name)), name: name, email: email,
                source: try options.source(source, item: item), filePath: "utkast", line: 1)
            try options.write([Draft(.person(record), line: nil)])
        }
    }
}

/// Runs `body`, printing a `CommandFailure` as one line on stderr with its exit status.
func runReporting(_ body: () throws(CommandFailure) -> Void) throws {
    do throws(CommandFailure) {
        try body()
    } catch {
        printError("samverkan: \(error.message)")
        throw ExitCode(error.exitCode)
    }
}
