import Registry
import Testing

@testable import RegistryFixtures

private typealias F = ValidationFixture

/// Each rule of the validator, triggered by one broken record added to a clean registry.
@Suite struct ValidationRuleTests {
    // A municipality added on its own has no director at the fixture's meeting, so those
    // cases also get the directors-on-meeting-days warning, counted in `total`.
    static let identity: [Breakage] = [
        Breakage("unique-ids", .error, "duplicate person ID 'bo-berg', first used at Tests/RegistryFixtures/")
        {
            r in
            let line = #line + 1
            r.add(Person(F.bo, name: "Bo Berg", source: F.source))
            return line
        },
        Breakage("unique-ids", .error, "duplicate membership ID 'anna-andersson.directors.director.alfa'") {
            r in
            let line = #line + 1
            r.add(Membership(F.anna, in: F.directors, as: .director, for: F.alfa, source: F.source))
            return line
        },
        Breakage("unique-ids", .error, "give one of them an explicit `id:`") { r in
            let line = #line + 1
            let record = StaffAppointment(
                F.cecilia, in: F.secretariat, title: "x", starts: Day(2026, 6, 1), source: F.source)
            r.add(record)
            return line
        },
        Breakage("id-format", .error, "person 'Dag_Dahl' is not lower-case ASCII words joined by hyphens") {
            r in
            let line = #line + 1
            r.add(Person(Person.ID("Dag_Dahl"), name: "Dag Dahl", source: F.source))
            return line
        },
        Breakage("id-format", .error, "role key of membership") { r in
            let role = Role(key: "Head Of", title: "chef")
            let line = #line + 1
            r.add(Membership(F.cecilia, in: F.secretariat, as: role, source: F.source))
            return line
        },
        Breakage("unique-slugs", .error, "has an empty slug", total: 2) { r in
            let line = #line + 1
            r.add(Municipality(Municipality.ID("nihon"), name: "日本", officialName: "日本", source: F.source))
            return line
        },
        Breakage("unique-slugs", .error, "has the slug 'alfa', which municipality 'alfa' at", total: 3) { r in
            let line = #line + 1
            let record = Municipality(
                Municipality.ID("alfa-2"), name: "Alfa.", officialName: "Alfa 2", source: F.source)
            r.add(record)
            return line
        },
        Breakage("unique-slugs", .warning, "differs from the slug of its name, 'gamma'", total: 2) { r in
            let line = #line + 1
            let record = Municipality(
                Municipality.ID("gamma-kommun"), name: "Gamma", officialName: "G", source: F.source)
            r.add(record)
            return line
        },
        Breakage("sources-cited", .error, "cites document 'minutes-2026-05-22', which has no record") { r in
            let notice = Source(Document.ID("minutes-2026-05-22"))
            let line = #line + 1
            r.add(Person(Person.ID("dag-dahl"), name: "Dag Dahl", source: notice))
            return line
        },
    ]

    static let text: [Breakage] = [
        Breakage("calendar-safe-text", .error, "agenda item 1 summary contains a carriage return (U+000D)") {
            r in
            let agenda = [AgendaItem(1, "Punkt", summary: "Rad ett.\r\nRad två.")]
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .day(Day(2026, 6, 1)),
                agenda: agenda, source: F.source)
            r.add(record)
            return line
        },
        Breakage("calendar-safe-text", .error, "person 'dag-dahl' name contains a line break (U+000A)") { r in
            let line = #line + 1
            r.add(Person(Person.ID("dag-dahl"), name: "Dag\nDahl", source: F.source))
            return line
        },
        Breakage("calendar-safe-text", .error, "place contains a tab (U+0009)") { r in
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .day(Day(2026, 6, 1)),
                place: "A\tB", source: F.source)
            r.add(record)
            return line
        },
        Breakage("calendar-safe-text", .error, "purpose contains the control character U+0007") { r in
            let line = #line + 1
            let record = Body(
                Body.ID("net"), name: "Nät", kind: .network, lifecycle: .established,
                purpose: "Pling\u{7}", source: F.source)
            r.add(record)
            return line
        },
        // libical's parser trims spaces and tabs at either end of a value.
        Breakage("calendar-safe-text", .error, "person 'dag-dahl' name contains leading whitespace") { r in
            let line = #line + 1
            r.add(Person(Person.ID("dag-dahl"), name: " Dag Dahl", source: F.source))
            return line
        },
        Breakage("calendar-safe-text", .error, "title contains trailing whitespace, which libical") { r in
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte ", time: .day(Day(2026, 6, 1)),
                source: F.source)
            r.add(record)
            return line
        },
        Breakage("calendar-safe-text", .error, "summary contains leading whitespace") { r in
            let agenda = [AgendaItem(1, "Punkt", summary: "\tRad ett.\nRad två.")]
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .day(Day(2026, 6, 1)),
                agenda: agenda, source: F.source)
            r.add(record)
            return line
        },
        Breakage("non-empty-text", .error, "person 'dag-dahl' has an empty name") { r in
            let line = #line + 1
            r.add(Person(Person.ID("dag-dahl"), name: " ", source: F.source))
            return line
        },
        Breakage("non-empty-text", .error, "has an empty title") { r in
            let line = #line + 1
            let record = Decision(
                Decision.ID("d"), at: F.meeting, item: 1, title: "", text: "Att.", source: F.source)
            r.add(record)
            return line
        },
        Breakage("non-empty-text", .error, "has an empty place") { r in
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .day(Day(2026, 6, 1)), place: "",
                source: F.source)
            r.add(record)
            return line
        },
        Breakage("non-empty-text", .error, "has an empty source item") { r in
            let line = #line + 1
            r.add(Person(Person.ID("dag-dahl"), name: "Dag Dahl", source: Source(F.minutes, item: "")))
            return line
        },
    ]

    static let dates: [Breakage] = [
        Breakage(
            "valid-dates", .error, "document 'notice' `date:` is Day(2026, 2, 30), a date that does not exist"
        ) { r in
            let line = #line + 1
            r.add(Document(Document.ID("notice"), title: "Kallelse", date: Day(2026, 2, 30)))
            return line
        },
        Breakage("valid-dates", .error, "`to:` is Day(2026, 13, 1)") { r in
            let line = #line + 1
            let record = Membership(
                F.cecilia, in: F.secretariat, as: .member, to: Day(2026, 13, 1), source: F.source)
            r.add(record)
            return line
        },
        Breakage("valid-dates", .error, "`starts:` is Day(2026, 4, 31)") { r in
            let line = #line + 1
            let record = StaffAppointment(
                F.bo, in: F.secretariat, title: "x", starts: Day(2026, 4, 31), source: F.source)
            r.add(record)
            return line
        },
        Breakage("valid-dates", .error, "`time:` month is 2026-0, a month that does not exist") { r in
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .month(year: 2026, month: 0),
                source: F.source)
            r.add(record)
            return line
        },
        Breakage("valid-dates", .error, "`deadline:` is Day(2027, 2, 29)") { r in
            let line = #line + 1
            let record = Decision(
                Decision.ID("d"), at: F.meeting, item: 1, title: "T", text: "Att.",
                deadline: Day(2027, 2, 29), source: F.source)
            r.add(record)
            return line
        },
        Breakage("valid-dates", .error, "`closed:` is Day(2026, 6, 31)") { r in
            let lifecycle = Lifecycle(active: .beforeRecords, closed: .on(Day(2026, 6, 31)))
            let line = #line + 1
            r.add(Body(Body.ID("net"), name: "Nät", kind: .network, lifecycle: lifecycle, source: F.source))
            return line
        },
        Breakage("valid-times", .error, "start time is LocalTime(25, 0), a time that does not exist") { r in
            let time = MeetingTime.timed(Day(2026, 6, 1), from: LocalTime(25, 0), to: LocalTime(10))
            let line = #line + 1
            r.add(Meeting(Meeting.ID("m"), of: F.secretariat, title: "Möte", time: time, source: F.source))
            return line
        },
        Breakage("valid-times", .error, "end time is LocalTime(9, 60)") { r in
            let time = MeetingTime.timed(Day(2026, 6, 1), from: LocalTime(9), to: LocalTime(9, 60))
            let line = #line + 1
            r.add(Meeting(Meeting.ID("m"), of: F.secretariat, title: "Möte", time: time, source: F.source))
            return line
        },
    ]

    static let records: [Breakage] = [
        Breakage("document-urls", .error, "url 'www.example.org/k' is not an http(s) address") { r in
            let line = #line + 1
            let record = Document(
                Document.ID("notice"), title: "Kallelse", date: Day(2026, 5, 1), url: "www.example.org/k")
            r.add(record)
            return line
        },
        Breakage(
            "unambiguous-municipality-names", .error,
            "is also called 'beta kommun', which names municipality 'beta'", total: 2
        ) { r in
            let line = #line + 1
            let record = Municipality(
                Municipality.ID("gamma"), name: "Gamma", officialName: "beta kommun", source: F.source)
            r.add(record)
            return line
        },
        Breakage("well-formed-emails", .error, "e-mail 'dag@dahl' is not a well-formed address") { r in
            let line = #line + 1
            r.add(Person(Person.ID("dag-dahl"), name: "Dag Dahl", email: "dag@dahl", source: F.source))
            return line
        },
        Breakage(
            "lifecycle-in-order", .error, "is active on 2026-04-01, before it was proposed on 2026-05-01"
        ) { r in
            let lifecycle = Lifecycle(proposed: .on(Day(2026, 5, 1)), active: .on(Day(2026, 4, 1)))
            let line = #line + 1
            r.add(Body(Body.ID("net"), name: "Nät", kind: .network, lifecycle: lifecycle, source: F.source))
            return line
        },
        Breakage(
            "lifecycle-in-order", .error, "is active since before the records, before it was proposed on"
        ) { r in
            let lifecycle = Lifecycle(proposed: .on(Day(2026, 5, 1)), active: .beforeRecords)
            let line = #line + 1
            r.add(Body(Body.ID("net"), name: "Nät", kind: .network, lifecycle: lifecycle, source: F.source))
            return line
        },
        Breakage("lifecycle-in-order", .error, "is closed on 2026-01-01, before it was active on 2026-02-01")
        { r in
            let lifecycle = Lifecycle(active: .on(Day(2026, 2, 1)), closed: .on(Day(2026, 1, 1)))
            let line = #line + 1
            r.add(Body(Body.ID("net"), name: "Nät", kind: .network, lifecycle: lifecycle, source: F.source))
            return line
        },
        Breakage("lifecycle-in-order", .error, "has a lifecycle with no stage") { r in
            let line = #line + 1
            r.add(Body(Body.ID("net"), name: "Nät", kind: .network, lifecycle: Lifecycle(), source: F.source))
            return line
        },
        Breakage("body-references", .error, "body 'net' parent 'ghost-body' has no record in the registry") {
            r in
            let line = #line + 1
            let record = Body(
                Body.ID("net"), name: "Nät", kind: .network, lifecycle: .established,
                parent: Body.ID("ghost-body"), source: F.source)
            r.add(record)
            return line
        },
        Breakage("body-references", .error, "municipality 'ghost-town' has no record") { r in
            let line = #line + 1
            let record = Body(
                Body.ID("x"), name: "X", kind: .external, lifecycle: .established,
                municipality: Municipality.ID("ghost-town"), source: F.source)
            r.add(record)
            return line
        },
        Breakage("body-references", .error, "body 'net' is its own ancestor") { r in
            let line = #line + 1
            let record = Body(
                Body.ID("net"), name: "Nät", kind: .network, lifecycle: .established,
                parent: Body.ID("net"), source: F.source)
            r.add(record)
            return line
        },
    ]

    static let memberships: [Breakage] = [
        Breakage(
            "membership-references", .error,
            "person 'ghost' has no record in the registry: the ID is declared"
        ) { r in
            let line = #line + 1
            r.add(Membership(F.ghost, in: F.secretariat, as: .member, source: F.source))
            return line
        },
        Breakage("membership-terms-in-order", .error, "ends (2026-04-01) before it starts (2026-05-01)") {
            r in
            let line = #line + 1
            let record = Membership(
                F.cecilia, in: F.secretariat, as: .member, from: Day(2026, 5, 1), to: Day(2026, 4, 1),
                source: F.source)
            r.add(record)
            return line
        },
        Breakage("membership-terms-in-order", .warning, "so it is never in force") { r in
            let line = #line + 1
            let record = Membership(
                F.cecilia, in: F.secretariat, as: .member, from: Day(2026, 5, 1), to: Day(2026, 5, 1),
                source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "no-overlapping-terms", .error,
            "overlaps the term of 'bo-berg' at Tests/RegistryFixtures/ValidationFixture.swift:"
        ) { r in
            let line = #line + 1
            let record = Membership(
                F.cecilia, in: F.directors, as: .director, for: F.beta, from: Day(2026, 3, 1),
                source: F.source)
            r.add(record)
            return line
        },
        Breakage("no-overlapping-terms", .error, "overlaps the term of 'cecilia-carlsson'") { r in
            r.add(
                Membership(F.cecilia, in: F.secretariat, as: .member, from: Day(2026, 1, 1), source: F.source)
            )
            let line = #line + 1
            let record = Membership(
                F.cecilia, in: F.secretariat, as: .member, from: Day(2026, 3, 1), source: F.source)
            r.add(record)
            return line
        },
        Breakage("no-overlapping-terms", .error, "or mark both `shared: true`") { r in
            r.add(
                Membership(
                    F.cecilia, in: F.secretariat, as: .head, from: Day(2026, 1, 1), shared: true,
                    source: F.source))
            let line = #line + 1
            r.add(Membership(F.bo, in: F.secretariat, as: .head, from: Day(2026, 3, 1), source: F.source))
            return line
        },
    ]

    static let staff: [Breakage] = [
        Breakage(
            "appointment-references", .error, "appointment 'ghost.secretariat' person 'ghost' has no record"
        ) { r in
            let line = #line + 1
            let record = StaffAppointment(
                F.ghost, in: F.secretariat, title: "x", starts: Day(2026, 6, 1), source: F.source)
            r.add(record)
            return line
        },
        Breakage("appointment-terms-in-order", .error, "ends (2026-05-01) before it starts (2026-06-01)") {
            r in
            let line = #line + 1
            let record = StaffAppointment(
                F.bo, in: F.secretariat, title: "x", starts: Day(2026, 6, 1), ends: Day(2026, 5, 1),
                source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "appointments-within-body-lifetime", .error,
            "when body 'secretariat' does not exist yet (its first stage is on 2025-01-01)"
        ) { r in
            let line = #line + 1
            let record = StaffAppointment(
                F.bo, in: F.secretariat, title: "x", starts: Day(2024, 12, 1), source: F.source)
            r.add(record)
            return line
        },
        Breakage("appointments-within-body-lifetime", .error, "when body 'old' is closed (since 2026-01-01)")
        { r in
            let lifecycle = Lifecycle(active: .beforeRecords, closed: .on(Day(2026, 1, 1)))
            r.add(
                Body(
                    Body.ID("old"), name: "Gamla", kind: .workingGroup, lifecycle: lifecycle, source: F.source
                ))
            let line = #line + 1
            let record = StaffAppointment(
                F.bo, in: Body.ID("old"), title: "x", starts: Day(2026, 1, 1), source: F.source)
            r.add(record)
            return line
        },
    ]

    static let meetings: [Breakage] = [
        Breakage("meeting-references", .error, "agenda item 1 presenter 'ghost' has no record") { r in
            let agenda = [AgendaItem(1, "Punkt", presenters: [F.ghost])]
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .day(Day(2026, 6, 1)),
                agenda: agenda, source: F.source)
            r.add(record)
            return line
        },
        Breakage("meeting-references", .error, "meeting 'm' body 'ghost-body' has no record") { r in
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: Body.ID("ghost-body"), title: "Möte", time: .day(Day(2026, 6, 1)),
                source: F.source)
            r.add(record)
            return line
        },
        Breakage("meeting-ends-after-start", .error, "ends at 09:00, not after it starts at 10:00") { r in
            let time = MeetingTime.timed(Day(2026, 6, 1), from: LocalTime(10), to: LocalTime(9))
            let line = #line + 1
            r.add(Meeting(Meeting.ID("m"), of: F.secretariat, title: "Möte", time: time, source: F.source))
            return line
        },
        Breakage(
            "attendance-by-members", .error,
            "lists 'anna-andersson' in its attendance, but they were not a member of 'secretariat' on 2026-06-01"
        ) { r in
            let attendance = [Attendance(F.anna, .present)]
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .day(Day(2026, 6, 1)),
                attendance: attendance, source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "attendance-by-members", .error,
            "lists 'anna-andersson' for 'beta', but their membership of 'directors' on 2026-05-22"
        ) { r in
            let attendance = [
                Attendance(F.anna, for: F.beta, .present), Attendance(F.bo, for: F.beta, .present),
            ]
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.directors, title: "Möte", time: .day(Day(2026, 5, 22)),
                attendance: attendance, source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "attendance-by-members", .error,
            "'bo-berg' in its attendance, but they were not a member of 'directors' on 2025-12-01", total: 2
        ) { r in
            let attendance = [
                Attendance(F.anna, for: F.alfa, .present), Attendance(F.bo, for: F.beta, .present),
            ]
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.directors, title: "Möte", time: .day(Day(2025, 12, 1)),
                attendance: attendance, source: F.source)
            r.add(record)
            return line
        },
        Breakage("no-duplicate-attendance", .error, "lists 'anna-andersson' more than once in its attendance")
        { r in
            let attendance = [
                Attendance(F.anna, .present), Attendance(F.bo, .present), Attendance(F.anna, .remote),
            ]
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.directors, title: "Möte", time: .day(Day(2026, 5, 22)),
                attendance: attendance, source: F.source)
            r.add(record)
            return line
        },
        Breakage("agenda-numbers-unique", .error, "has more than one agenda item 2") { r in
            let agenda = [AgendaItem(1, "Ett"), AgendaItem(2, "Två"), AgendaItem(2, "Tre")]
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .day(Day(2026, 6, 1)),
                agenda: agenda, source: F.source)
            r.add(record)
            return line
        },
        Breakage("agenda-numbers-unique", .error, "has agenda item number 0; numbers start at 1") { r in
            let agenda = [AgendaItem(0, "Noll")]
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .day(Day(2026, 6, 1)),
                agenda: agenda, source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "directors-on-meeting-days", .warning,
            "on 2025-12-01: Beta has no kommundirektör in 'directors' that day"
        ) { r in
            let attendance = [Attendance(F.anna, for: F.alfa, .present)]
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.directors, title: "Möte", time: .day(Day(2025, 12, 1)),
                attendance: attendance, source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "past-meetings-have-attendance", .warning,
            "has no attendance, though the registry has documents up to 2026-04-10"
        ) { r in
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.directors, title: "Möte", time: .day(Day(2026, 3, 1)),
                source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "meetings-within-body-lifetime", .warning,
            "is on 2024-06-01, when body 'secretariat' does not exist yet"
        ) { r in
            let line = #line + 1
            let record = Meeting(
                Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .day(Day(2024, 6, 1)),
                source: F.source)
            r.add(record)
            return line
        },
    ]

    static let decisions: [Breakage] = [
        Breakage("decision-references", .error, "decision 'd' meeting 'ghost-meeting' has no record") { r in
            let line = #line + 1
            let record = Decision(
                Decision.ID("d"), at: Meeting.ID("ghost-meeting"), item: 1, title: "T", text: "Att.",
                source: F.source)
            r.add(record)
            return line
        },
        Breakage("decision-references", .error, "decision 'd' actor 'ghost' has no record") { r in
            let line = #line + 1
            let record = Decision(
                Decision.ID("d"), at: F.meeting, item: 1, title: "T", text: "Att.",
                actors: [.person(F.ghost)], source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "decision-item-on-agenda", .error,
            "is under item 7, but meeting 'meeting-2026-04-10' at Tests/RegistryFixtures/ValidationFixture.swift:"
        ) { r in
            let line = #line + 1
            let record = Decision(
                Decision.ID("d"), at: F.meeting, item: 7, title: "T", text: "Att.", source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "deadline-not-before-decision", .error,
            "deadline 2026-04-09 is before the meeting that set it (on 2026-04-10)"
        ) { r in
            let line = #line + 1
            let record = Decision(
                Decision.ID("d"), at: F.meeting, item: 1, title: "T", text: "Att.",
                deadline: Day(2026, 4, 9), source: F.source)
            r.add(record)
            return line
        },
        Breakage("decisions-at-held-meetings", .error, "was taken at meeting 'm', which is cancelled") { r in
            let agenda = [AgendaItem(1, "Ett")]
            r.add(
                Meeting(
                    Meeting.ID("m"), of: F.secretariat, title: "Möte", time: .day(Day(2026, 6, 1)),
                    status: .cancelled, agenda: agenda, source: F.source))
            let line = #line + 1
            let record = Decision(
                Decision.ID("d"), at: Meeting.ID("m"), item: 1, title: "T", text: "Att.", source: F.source
            )
            r.add(record)
            return line
        },
    ]

    static let all =
        identity + text + dates + records + memberships + staff + meetings + decisions
        + ActionValidationTests.breakages

    @Test("IDs, slugs and sources", arguments: identity)
    func identityRules(_ breakage: Breakage) throws { try breakage.check() }

    @Test("Text a calendar can carry", arguments: text)
    func textRules(_ breakage: Breakage) throws { try breakage.check() }

    @Test("Impossible dates and times", arguments: dates)
    func dateRules(_ breakage: Breakage) throws { try breakage.check() }

    @Test("Documents, municipalities, people and bodies", arguments: records)
    func recordRules(_ breakage: Breakage) throws { try breakage.check() }

    @Test("Membership terms", arguments: memberships)
    func membershipRules(_ breakage: Breakage) throws { try breakage.check() }

    @Test("Staff appointments", arguments: staff)
    func staffRules(_ breakage: Breakage) throws { try breakage.check() }

    @Test("Meetings and attendance", arguments: meetings)
    func meetingRules(_ breakage: Breakage) throws { try breakage.check() }

    @Test("Decisions and deadlines", arguments: decisions)
    func decisionRules(_ breakage: Breakage) throws { try breakage.check() }

    @Test func everyRuleIsTriggeredByABrokenRegistry() {
        let tested = Set(Self.all.map(\.rule))
        let rules = Registry.validationRules
        #expect(Set(rules).subtracting(tested).isEmpty, "rules without a test")
        #expect(tested.subtracting(rules).isEmpty, "tests of unknown rules")
        #expect(Set(rules).count == rules.count, "rule names repeat")
    }
}
