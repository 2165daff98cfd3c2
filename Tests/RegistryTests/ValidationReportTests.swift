import Registry
import Testing

@testable import RegistryFixtures

private typealias F = ValidationFixture

/// What `validate()` returns as a whole: order, rendering, summary and the error flag.
@Suite struct ValidationReportTests {
    @Test func cleanRegistryHasNoDiagnostics() {
        let registry = F.registry()
        #expect(registry.validate().isEmpty)
        #expect(!registry.hasErrors)
        #expect(registry.validationSummary(of: []) == "No problems found in 13 records.")
    }

    @Test func descriptionHasTheFormCompilersUse() throws {
        var registry = F.registry()
        let line = #line + 1
        registry.add(Person(Person.ID("dag-dahl"), name: "", source: F.source))
        let diagnostic = try #require(registry.validate().first)
        #expect(
            diagnostic.description
                == "Tests/RegistryTests/ValidationReportTests.swift:\(line): error: person 'dag-dahl' has an empty name"
        )
    }

    @Test func diagnosticsAreSortedByLineNotByRuleOrAddOrder() {
        // Written first, added last: its line is earlier, so it must be reported first.
        let laterLine = #line + 1
        let untitled = Meeting(
            Meeting.ID("m"), of: F.directors, title: "", time: .day(Day(2026, 6, 1)), source: F.source)
        var registry = F.registry()
        let earlierLine = #line + 1
        registry.add(Person(Person.ID("Dag"), name: "Dag Dahl", email: "dag", source: F.source))
        registry.add(untitled)
        let diagnostics = registry.validate()
        #expect(diagnostics.map(\.location.line) == [laterLine, earlierLine, earlierLine])
        #expect(diagnostics.map(\.rule) == ["non-empty-text", "well-formed-emails", "id-format"])
        #expect(diagnostics == diagnostics.sorted())
    }

    @Test func warningsAloneAreNotErrors() {
        var registry = F.registry()
        registry.add(
            Meeting(
                Meeting.ID("m"), of: F.directors, title: "Möte", time: .day(Day(2026, 3, 1)), source: F.source
            ))
        let diagnostics = registry.validate()
        #expect(diagnostics.warningCount == 1)
        #expect(diagnostics.errorCount == 0)
        #expect(!diagnostics.hasErrors)
        #expect(!registry.hasErrors)
        #expect(registry.validationSummary(of: diagnostics) == "1 warning in 2 files")
    }

    @Test func summaryCountsErrorsWarningsAndFiles() {
        var registry = F.registry()
        registry.add(Person(Person.ID("dag-dahl"), name: "", email: "dag", source: F.source))
        registry.add(
            Meeting(
                Meeting.ID("m"), of: F.directors, title: "Möte", time: .day(Day(2026, 3, 1)), source: F.source
            ))
        let diagnostics = registry.validate()
        #expect(registry.hasErrors)
        #expect(registry.validationSummary(of: diagnostics) == "2 errors, 1 warning in 2 files")
    }

    @Test func impossibleDateIsReportedOnceNotThroughItsConsequences() throws {
        var registry = F.registry()
        let line = #line + 1
        let term = Membership(F.cecilia, in: F.directors, as: .member, to: Day(2026, 2, 30), source: F.source)
        registry.add(term)
        let attendance = [
            Attendance(F.anna, .present), Attendance(F.bo, .present), Attendance(F.cecilia, .present),
        ]
        registry.add(
            Meeting(
                Meeting.ID("m"), of: F.directors, title: "Möte", time: .day(Day(2026, 5, 22)),
                attendance: attendance, source: F.source))
        let diagnostics = registry.validate()
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostic.rule == "valid-dates")
        #expect(diagnostic.location.line == line)
    }

    @Test func reversedTermIsReportedOnceNotAsAnOverlap() throws {
        var registry = F.registry()
        let line = #line + 1
        let term = Membership(
            F.cecilia, in: F.directors, as: .director, for: F.beta, from: Day(2026, 5, 1),
            to: Day(2026, 2, 1), source: F.source)
        registry.add(term)
        let diagnostics = registry.validate()
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostic.rule == "membership-terms-in-order")
        #expect(diagnostic.location.line == line)
    }
}
