import Registry
import Testing

@testable import MinutesImport

/// Where drafted statements go in the text of Data/'s files.
struct DataEditTests {
    static let main = """
        extension Registry {
            public static let familjenHelsingborg: Registry = {
                var registry = Registry()
                registry.addStaff()
                registry.addMeetings()
                return registry
            }()
        }

        """

    static func staff(records: Int) -> String {
        let statements = (0..<records).map { _ in
            "        add(StaffAppointment(.x, in: .y, title: \"t\", starts: Day(2026, 1, 1), source: s))"
        }
        return "import Registry\n\nextension Registry {\n    mutating func addStaff() {\n"
            + statements.joined(separator: "\n") + "\n    }\n}\n"
    }

    static let appointment = Draft.Record.staff(
        StaffAppointment(
            Person.ID("anna-berg"), in: Body.ID("sekretariatet"), title: "samordnare",
            starts: Day(2026, 6, 1),
            source: Source(Document.ID("kdm-2026-05-22"), item: "4")))

    @Test func aRecordGoesAtTheEndOfItsFunction() throws {
        var edit = DataEdit(files: [
            "Staff.swift": Self.staff(records: 2), "FamiljenHelsingborg.swift": Self.main,
        ])
        try edit.apply([Draft(Self.appointment, line: 3)])
        let text = try #require(edit.files["Staff.swift"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 10)
        #expect(
            lines[6].contains("add(StaffAppointment(.annaBerg, in: .sekretariatet, title: \"samordnare\""))
        #expect(lines[7] == "    }")
        #expect(edit.files["Staff2.swift"] == nil)
    }

    /// Past 500 records a file continues in a new one, called after it in
    /// FamiljenHelsingborg.swift, as README asks of staff writing by hand.
    @Test func aFullFileContinuesInANewOne() throws {
        var edit = DataEdit(files: [
            "Staff.swift": Self.staff(records: 500), "FamiljenHelsingborg.swift": Self.main,
        ])
        try edit.apply([Draft(Self.appointment, line: 3)])
        #expect(edit.files["Staff.swift"] == Self.staff(records: 500))
        let next = try #require(edit.files["Staff2.swift"])
        #expect(next.contains("mutating func addStaff2() {\n        add(StaffAppointment(.annaBerg"))
        #expect(
            edit.files["FamiljenHelsingborg.swift"]?.contains(
                "registry.addStaff()\n        registry.addStaff2()\n") == true)
        try edit.apply([Draft(Self.appointment, line: 3)])
        #expect(edit.files["Staff3.swift"] == nil)
        #expect(DataEdit.records(in: edit.files["Staff2.swift"]!) == 2)
    }

    /// The names staff already use are kept; new ones never collide with a declared name.
    @Test func newNamesNeverCollide() {
        var names = SwiftNames(sources: [
            "    public static let annaBerg = Person.ID(\"anna-berg\")\n    public static let minutes20260522 = Document.ID(\"x\")"
        ])
        #expect(names.name(of: "anna-berg", type: "Person") == "annaBerg")
        #expect(names.declare("anna-berg-2", type: "Person", preferred: "annaBerg") == "annaBerg2")
        #expect(
            names.declare("kdm-2026-05-22", type: "Document", preferred: "minutes20260522")
                == "minutes202605222")
    }
}
