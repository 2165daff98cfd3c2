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
            alone exit with 0. Actions past their deadline that someone has not answered are \
            warnings as of today in Europe/Stockholm, or the day `--on` names.
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp("Check overdue actions as of this day; default today.", valueName: "YYYY-MM-DD"))
    var on: Day?

    func run() throws {
        let registry = Registry.familjenHelsingborg
        var today: Day
        do throws(CommandFailure) {
            if let on { today = on } else { today = try CommandSupport.today() }
        } catch {
            printError("samverkan: \(error.message)")
            throw ExitCode(error.exitCode)
        }
        let diagnostics = registry.validate(on: today)
        for diagnostic in diagnostics {
            printOut(diagnostic.description)
        }
        printOut(registry.validationSummary(of: diagnostics))
        if diagnostics.hasErrors {
            throw ExitCode(1)
        }
    }
}
