import ArgumentParser

/// `samverkan-bench`: the project's benchmarks, one subcommand (and one file) each.
///
/// Run them in release mode, e.g. `make bench` or
/// `swift run -c release samverkan-bench data-compile --records 1000,5000,20000`.
@main
struct SamverkanBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samverkan-bench",
        abstract: "Benchmarks for Samverkan. Figures and method: BENCHMARKS.md.",
        subcommands: [
            DataCompileBenchmark.self, ExportBenchmark.self, ExportFeed.self, QueryBenchmark.self,
            ServeSynthetic.self, MinimalServer.self,
        ]
    )
}
