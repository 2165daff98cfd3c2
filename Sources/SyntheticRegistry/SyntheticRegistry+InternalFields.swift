public import Registry

extension SyntheticRegistry {
    /// A small registry in which one person, Anna Svensson, carries an internal phone
    /// number and note and takes part in everything that is published: a membership, a
    /// meeting (attending and presenting), a decision's deadline and a staff start date.
    /// Tests use it to prove internal values never leave the registry.
    public static func withInternalFields(phone: String, note: String) -> Registry {
        var registry = Registry()
        let minutes = Document.ID("minutes-2026-04-10")
        let source = Source(minutes, item: "3")
        let municipality = Municipality.ID("bjuv")
        let person = Person.ID("anna-svensson")
        let body = Body.ID("directors")
        let meeting = Meeting.ID("directors-2026-05-22")
        registry.add(Document(minutes, title: "Protokoll 2026-04-10", date: Day(2026, 4, 10)))
        registry.add(Municipality(municipality, name: "Bjuv", officialName: "Bjuvs kommun", source: source))
        registry.add(
            Person(
                person, name: "Anna Svensson", email: "anna.svensson@bjuv.se",
                phone: Internal(phone), note: Internal(note), source: source))
        registry.add(
            Body(
                body, name: "Kommundirektörsgruppen", kind: .directorsGroup, lifecycle: .established,
                source: source))
        registry.add(Membership(person, in: body, as: .director, for: municipality, source: source))
        registry.add(
            Meeting(
                meeting, of: body, title: "Kommundirektörsmöte",
                time: .timed(Day(2026, 5, 22), from: LocalTime(9), to: LocalTime(12)), place: "Bjuvs rådhus",
                attendance: [Attendance(person, for: municipality, .present)],
                agenda: [AgendaItem(1, "Budget", summary: "Anna Svensson föredrar.", presenters: [person])],
                source: source))
        registry.add(
            Decision(
                Decision.ID("budget-2026"), at: meeting, item: 1, title: "Budgetunderlag",
                text: "Varje kommun lämnar underlag.", deadline: Day(2026, 6, 1), actors: [.person(person)],
                source: source))
        registry.add(
            StaffAppointment(person, in: body, title: "samordnare", starts: Day(2026, 8, 1), source: source))
        return registry
    }
}
