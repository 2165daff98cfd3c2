import ArgumentParser
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

    @Option(name: .long, help: "Answer for this day (YYYY-MM-DD); default today in Europe/Stockholm.")
    var on: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try CommandSupport.output {
            let registry = CommandSupport.registry
            let day = try CommandSupport.day(on, option: "--on")
            let found = try registry.municipality(named: municipality)
            let result = registry.representation(of: found.id, on: day)
            return json ? JSONOutput.string(result) : result.text
        }
    }
}
