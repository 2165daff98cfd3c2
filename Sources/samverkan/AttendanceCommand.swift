import ArgumentParser
import ExportFiles
import Registry

/// `samverkan attendance [MEETING] [--json]`
struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Who attended which meeting, in person or remotely, and who was absent.",
        discussion:
            "Without a meeting, every meeting with attendance recorded, and per municipality how often it attended."
    )

    @Argument(help: "A meeting's ID (kdm-2026-04-10) or day (YYYY-MM-DD); default all.")
    var meeting: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try CommandSupport.output {
            let registry = CommandSupport.registry
            let ids = try meeting.map { [try registry.meeting(named: $0).id] }
            let result = registry.attendanceReport(meetings: ids)
            return json ? JSONOutput.string(result) : result.text
        }
    }
}
