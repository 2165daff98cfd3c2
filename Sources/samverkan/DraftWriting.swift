import Foundation
import MinutesImport
import Registry
import RegistryData

/// Checks drafts with `validate`'s rules against the registry built into the tool, then
/// writes them through `DataEditor`; shared by `minutes import --write` and `add`.
enum DraftWriting {
    /// Writes `drafts`, or fails with the problems found and nothing written.
    ///
    /// - Parameter declared: the names `Data/` declares; a reference to a record declared
    ///   there but not yet built into the tool (added by an earlier `add`) is not an error.
    static func write(
        _ drafts: [Draft], editor: DataEditor, registry: Registry, declared: SwiftNames, check: Bool
    ) throws(CommandFailure) -> [String] {
        let plan = ImportPlan(parsed: ParsedMinutes(), drafts: drafts, document: nil, remarks: [])
        let problems = plan.problems(in: registry).filter {
            !notYetBuilt($0, registry: registry, declared: declared)
        }
        guard problems.isEmpty else {
            throw CommandFailure(
                message: "förslagen bryter mot registrets regler; inget skrevs:\n"
                    + problems.joined(separator: "\n"),
                exitCode: 1)
        }
        do {
            return try editor.write(drafts, check: check)
        } catch {
            throw CommandFailure(message: error.description, exitCode: 1)
        }
    }

    /// "… document 'kdm-2026-06-12', which has no record …" for an ID `Data/` declares:
    /// written by an earlier command, and built into the tool at the next `swift build`.
    static func notYetBuilt(_ problem: String, registry: Registry, declared: SwiftNames) -> Bool {
        guard problem.contains("has no record") else { return false }
        let quoted = problem.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map {
            String($0.element)
        }
        return quoted.contains { id in
            ["Document", "Person", "Meeting", "Decision", "ActionRequest", "Body"].contains {
                declared.name(of: id, type: $0) != nil
            } && !built(id, registry)
        }
    }

    static func built(_ id: String, _ registry: Registry) -> Bool {
        registry[Document.ID(id)] != nil || registry[Person.ID(id)] != nil || registry[Meeting.ID(id)] != nil
            || registry[Decision.ID(id)] != nil || registry[ActionRequest.ID(id)] != nil
            || registry[Body.ID(id)] != nil
    }
}
