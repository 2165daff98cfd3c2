import Registry
import Testing

@testable import RegistryFixtures

private typealias F = ValidationFixture

/// What the validator must accept: the cases next to each rule that are not mistakes.
@Suite struct ValidationAcceptanceTests {
    static let wellFormedEmails = [
        "mikael.johansson4@helsingborg.se", "a+b@x.co", "first.last@sub.domain.org", "O'Brien@Example.IE",
    ]

    static let malformedEmails = [
        "anna", "anna@", "@alfa.se", "anna@alfa", "anna andersson@alfa.se", "anna..a@alfa.se",
        ".anna@alfa.se",
        "anna@alfa..se", "anna@-alfa.se", "anna@alfa.s", "anna@@alfa.se", "åsa@alfa.se", "anna@alfa.se\r",
        "anna@alfa.se ", "",
    ]

    @Test(arguments: wellFormedEmails)
    func wellFormedEmailIsAccepted(_ email: String) {
        var registry = F.registry()
        registry.add(Person(Person.ID("dag-dahl"), name: "Dag Dahl", email: email, source: F.source))
        #expect(registry.validate().isEmpty)
    }

    @Test(arguments: malformedEmails)
    func malformedEmailIsReported(_ email: String) throws {
        var registry = F.registry()
        let line = #line + 1
        registry.add(Person(Person.ID("dag-dahl"), name: "Dag Dahl", email: email, source: F.source))
        let diagnostics = registry.validate()
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.rule == "well-formed-emails")
        #expect(diagnostic.location.line == line)
    }

    /// Registries that look close to a mistake but are not one.
    static let accepted: [(name: String, add: @Sendable (inout Registry) -> Void)] = [
        ("leap day", { $0.add(Document(Document.ID("notice"), title: "Kallelse", date: Day(2028, 2, 29))) }),
        (
            "midnight to 23:59",
            { r in
                let time = MeetingTime.timed(Day(2026, 6, 1), from: LocalTime(0, 0), to: LocalTime(23, 59))
                r.add(
                    Meeting(Meeting.ID("m"), of: F.secretariat, title: "Möte", time: time, source: F.source))
            }
        ),
        (
            "a term ending the day the next one starts",
            { r in
                r.add(
                    Membership(F.cecilia, in: F.secretariat, as: .head, to: Day(2026, 3, 1), source: F.source)
                )
                r.add(Membership(F.bo, in: F.secretariat, as: .head, from: Day(2026, 3, 1), source: F.source))
            }
        ),
        (
            "a role shared on purpose",
            { r in
                r.add(Membership(F.cecilia, in: F.secretariat, as: .head, shared: true, source: F.source))
                r.add(Membership(F.bo, in: F.secretariat, as: .head, shared: true, source: F.source))
            }
        ),
        (
            "several members for no municipality",
            { r in
                r.add(Membership(F.cecilia, in: F.secretariat, as: .member, source: F.source))
                r.add(Membership(F.bo, in: F.secretariat, as: .member, source: F.source))
            }
        ),
        (
            "stages starting on one day, proposed then closed",
            { r in
                let day = Day(2026, 1, 1)
                let lifecycle = Lifecycle(proposed: .on(day), active: .on(day), closed: .on(Day(2026, 2, 1)))
                r.add(
                    Body(Body.ID("net"), name: "Nät", kind: .network, lifecycle: lifecycle, source: F.source))
                let abandoned = Lifecycle(proposed: .on(day), closed: .on(Day(2026, 2, 1)))
                r.add(
                    Body(Body.ID("idea"), name: "Idé", kind: .network, lifecycle: abandoned, source: F.source)
                )
            }
        ),
        (
            "a staff member starting in a proposed body",
            { r in
                let lifecycle = Lifecycle(proposed: .on(Day(2026, 1, 1)))
                r.add(
                    Body(Body.ID("net"), name: "Nät", kind: .network, lifecycle: lifecycle, source: F.source))
                r.add(
                    StaffAppointment(
                        F.bo, in: Body.ID("net"), title: "x", starts: Day(2026, 1, 1), source: F.source))
            }
        ),
        (
            "a past meeting known only by its month",
            { r in
                r.add(
                    Meeting(
                        Meeting.ID("m"), of: F.directors, title: "Möte", time: .month(year: 2025, month: 1),
                        source: F.source))
            }
        ),
        (
            "a future meeting with no attendance yet",
            { r in
                r.add(
                    Meeting(
                        Meeting.ID("m"), of: F.directors, title: "Möte", time: .day(Day(2026, 5, 22)),
                        source: F.source))
            }
        ),
        (
            "a cancelled past meeting with no attendance",
            { r in
                r.add(
                    Meeting(
                        Meeting.ID("m"), of: F.directors, title: "Möte", time: .day(Day(2025, 12, 1)),
                        status: .cancelled, source: F.source))
            }
        ),
        (
            "a deadline on the day of the decision",
            { r in
                r.add(
                    Decision(
                        Decision.ID("d"), at: F.meeting, item: 1, title: "T", text: "Att.",
                        deadline: Day(2026, 4, 10), source: F.source))
            }
        ),
        (
            "a deadline in the month of a meeting known by month",
            { r in
                r.add(
                    Meeting(
                        Meeting.ID("m"), of: F.directors, title: "Möte", time: .month(year: 2025, month: 1),
                        agenda: [AgendaItem(1, "Ett")], source: F.source))
                r.add(
                    Decision(
                        Decision.ID("d"), at: Meeting.ID("m"), item: 1, title: "T", text: "Att.",
                        deadline: Day(2025, 1, 2), source: F.source))
            }
        ),
        (
            "Swedish letters, newlines and tabs in paragraphs",
            { r in
                r.add(
                    Body(
                        Body.ID("net"), name: "Nätverket för Åstorp–Örkelljunga", kind: .network,
                        lifecycle: .established, purpose: "Ett.\n\tTvå.", source: F.source))
            }
        ),
    ]

    @Test(arguments: accepted.indices)
    func closeToAMistakeButAccepted(_ index: Int) {
        var registry = F.registry()
        Self.accepted[index].add(&registry)
        #expect(registry.validate().isEmpty, "\(Self.accepted[index].name)")
    }
}
