import ArgumentParser
import ExportFiles
import Registry

/// `samverkan who MUNICIPALITY [--on DATE] [--json]`
struct WhoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who",
        abstract: "Who represents a municipality: its director, then every body and by whom.",
        discussion: """
            The municipality is matched by name or slug in any case, with or without å/ä/ö \
            ("Ängelholm", "angelholm"), by its formal name or a prefix ("Åstor").
            """
    )

    @Argument(help: "A municipality: name, formal name or slug.")
    var municipality: String

    @OptionGroup var asOf: AsOfOptions

    func run() throws {
        try CommandSupport.output {
            let registry = CommandSupport.registry
            let day = try asOf.day()
            let found = try registry.municipality(named: municipality)
            let result = registry.representation(of: found.id, on: day)
            return asOf.json ? JSONOutput.string(result) : result.text
        }
    }
}
