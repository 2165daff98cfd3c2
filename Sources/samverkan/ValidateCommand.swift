import ArgumentParser
import Registry
import RegistryData

/// `samverkan validate`: checks the registry and prints every problem the way a compiler
/// does, so editors and CI logs link each one to its file and line.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the registry in Data/ and report every problem with its file and line.",
        discussion: """
            Prints one line per problem, `Data/FILE.swift:LINE: error: …` or `warning: …`, then a \
            summary, all on standard output. Exits with status 1 when there are errors; warnings \
            alone exit with 0.
            """
    )

    func run() throws {
        let registry = Registry.familjenHelsingborg
        let diagnostics = registry.validate()
        for diagnostic in diagnostics {
            print(diagnostic)
        }
        print(registry.validationSummary(of: diagnostics))
        if diagnostics.hasErrors {
            throw ExitCode(1)
        }
    }
}
