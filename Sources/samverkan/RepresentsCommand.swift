import ArgumentParser
import ExportFiles
import Registry

/// `samverkan represents PERSON [--on DATE] [--json]`
struct RepresentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "represents",
        abstract: "What a person represents: in which bodies, for which municipality, with dates.",
        discussion: """
            The person is matched by full name, first or last name, or the start of one, in any \
            case, with or without diacritics ("fristedt", "crespin"). An ambiguous name lists \
            the candidates.
            """
    )

    @Argument(help: "A person's name, or part of it.")
    var person: String

    @OptionGroup var asOf: AsOfOptions

    func run() throws {
        try CommandSupport.output {
            let registry = CommandSupport.registry
            let day = try asOf.day()
            let found = try registry.person(named: person)
            let result = registry.representation(ofPerson: found.id, on: day)
            return asOf.json ? JSONOutput.string(result) : result.text
        }
    }
}
