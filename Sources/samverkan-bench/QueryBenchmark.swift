import ArgumentParser
import Foundation
import Registry
import SyntheticRegistry

/// In-process query time on a large registry: the library calls behind `samverkan who`,
/// `represents`, `upcoming` and name look-ups, each timed over many repetitions.
struct QueryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries",
        abstract: "Time the query library on a synthetic registry of N events."
    )

    @Option(help: "Events in the synthetic registry.")
    var events = 100_000

    @Option(help: "Seed of the synthetic registry.")
    var seed: UInt64 = 42

    @Option(help: "Repetitions per query; the table shows the median.")
    var repetitions = 20

    func run() throws {
        let registry = SyntheticRegistry.make(events: events, seed: seed)
        let day = Day(2026, 4, 10)
        let municipality = registry.municipalities[registry.municipalities.count / 2]
        let person = registry.people[registry.people.count / 2]
        let queries: [(String, () throws -> Int)] = [
            (
                "who: director and seats of one municipality",
                {
                    registry.representation(of: municipality.id, on: day).representatives.count
                }
            ),
            (
                "who: all municipalities",
                {
                    registry.municipalities.reduce(0) {
                        $0 + registry.representation(of: $1.id, on: day).representatives.count
                    }
                }
            ),
            (
                "represents: one person",
                { registry.representation(ofPerson: person.id, on: day).current.count }
            ),
            (
                "municipality by name (folded)",
                { try registry.municipality(named: Text.fold(municipality.name)).name.count }
            ),
            (
                "person by full name (may be ambiguous at this size)",
                { (try? registry.person(named: person.name))?.name.count ?? 0 }
            ),
            ("upcoming: next 30 days", { registry.upcoming(from: day, days: 30).events.count }),
            ("bodies: status of every body", { registry.bodyList(on: day).bodies.count }),
        ]
        var table = MarkdownTable(["query", "median", "fastest", "result size"])
        for (name, query) in queries {
            var times: [Double] = []
            var size = 0
            for _ in 0..<repetitions {
                let started = ContinuousClock.now
                size = try query()
                let elapsed = ContinuousClock.now - started
                times.append(
                    Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
            }
            times.sort()
            table.append([
                name, Format.fixed(times[times.count / 2], digits: 3) + " ms",
                Format.fixed(times[0], digits: 3) + " ms", "\(size)",
            ])
        }
        print(
            "Queries on a synthetic registry of \(SyntheticRegistry.eventCount(of: registry)) events, \(registry.people.count) people, \(registry.memberships.count) memberships (\(repetitions) repetitions):\n"
        )
        print(table.text)
    }
}
