import Registry

/// A small registry built for the edges the real data does not have yet: a director who
/// leaves, an acting one, a vacancy, two people sharing a role, a body that is proposed,
/// starts and closes, a staff start date, a cancelled meeting.
enum Fixture {
    static let minutes = Document.ID("minutes")
    static let source = Source(minutes)

    static let astorp = Municipality.ID("astorp")
    static let angelholm = Municipality.ID("angelholm")
    static let bjuv = Municipality.ID("bjuv")
    static let helsingborg = Municipality.ID("helsingborg")

    static let karin = Person.ID("karin-karlsson")
    static let anders = Person.ID("anders-berg")
    static let orjan = Person.ID("orjan-odman")
    static let annaA = Person.ID("anna-andersson")
    static let kim = Person.ID("kim-nyberg")
    static let annaL = Person.ID("anna-lind")
    static let petra = Person.ID("petra-holm")

    static let directors = Body.ID("directors")
    static let secretariat = Body.ID("secretariat")
    static let network = Body.ID("network")

    static let spring = Meeting.ID("m-2026-03")
    static let summer = Meeting.ID("m-2026-06")
    static let cancelled = Meeting.ID("m-2026-06-cancelled")
    static let history = Meeting.ID("m-2025-01")
    static let deadlineAll = Decision.ID("d-all")
    static let deadlineNetwork = Decision.ID("d-network")

    /// Bjuv: Karin until 2026-06-01, Anders acting in June, vacant in July, Örjan from
    /// 2026-08-01. Ängelholm: Anna Andersson and Kim Nyberg share the role. Åstorp: no
    /// director at all, but a member of the network. Helsingborg: Petra.
    static let registry: Registry = {
        var registry = Registry()
        registry.add(Document(minutes, title: "Protokoll", date: Day(2026, 3, 1)))

        registry.add(
            Municipality(
                helsingborg, name: "Helsingborg", officialName: "Helsingborgs stad",
                aliases: ["Helsingborg stad"], source: source))
        registry.add(
            Municipality(angelholm, name: "Ängelholm", officialName: "Ängelholms kommun", source: source))
        registry.add(Municipality(astorp, name: "Åstorp", officialName: "Åstorps kommun", source: source))
        registry.add(Municipality(bjuv, name: "Bjuv", officialName: "Bjuvs kommun", source: source))

        for (id, name) in [
            (karin, "Karin Karlsson"), (anders, "Anders Berg"), (orjan, "Örjan Ödman"),
            (annaA, "Anna Andersson"), (kim, "Kim Nyberg"), (annaL, "Anna Lind"), (petra, "Petra Holm, jr"),
        ] {
            registry.add(Person(id, name: name, source: source))
        }

        registry.add(
            Body(
                directors, name: "Direktörerna", kind: .directorsGroup, lifecycle: .established,
                source: source))
        registry.add(
            Body(
                secretariat, name: "Sekretariatet", kind: .secretariat, lifecycle: .established,
                parent: directors, source: source))
        registry.add(
            Body(
                network, name: "Nätverket", kind: .network,
                lifecycle: Lifecycle(
                    proposed: .on(Day(2026, 5, 1)), active: .on(Day(2026, 9, 1)), closed: .on(Day(2027, 1, 1))
                ),
                parent: directors, source: source))

        registry.add(
            Membership(karin, in: directors, as: .director, for: bjuv, to: Day(2026, 6, 1), source: source))
        registry.add(
            Membership(
                anders, in: directors, as: .director, for: bjuv, from: Day(2026, 6, 1), to: Day(2026, 7, 1),
                acting: true, source: source))
        registry.add(
            Membership(orjan, in: directors, as: .director, for: bjuv, from: Day(2026, 8, 1), source: source))
        registry.add(
            Membership(annaA, in: directors, as: .director, for: angelholm, shared: true, source: source))
        registry.add(
            Membership(kim, in: directors, as: .director, for: angelholm, shared: true, source: source))
        registry.add(Membership(petra, in: directors, as: .director, for: helsingborg, source: source))
        registry.add(
            Membership(kim, in: network, as: .member, for: astorp, from: Day(2026, 9, 1), source: source))
        registry.add(Membership(annaL, in: secretariat, as: .secretariatHead, source: source))

        registry.add(
            StaffAppointment(
                annaL, in: secretariat, title: "samordnare", starts: Day(2026, 5, 1), source: source))
        registry.add(
            StaffAppointment(
                orjan, in: network, title: "nätverksledare", starts: Day(2026, 9, 1), source: source))

        registry.add(
            Meeting(
                spring, of: directors, title: "Vårmöte",
                time: .timed(Day(2026, 3, 20), from: LocalTime(8, 30), to: LocalTime(10)),
                place: "Mindpark", remote: "Teams",
                attendance: [
                    Attendance(karin, for: bjuv, .remote),
                    Attendance(annaA, for: angelholm, .absent),
                    Attendance(kim, for: angelholm, .present),
                    Attendance(petra, for: helsingborg, .absent),
                    Attendance(annaL, .present),
                ],
                source: source))
        registry.add(
            Meeting(
                summer, of: directors, title: "Sommarmöte",
                time: .timed(Day(2026, 6, 12), from: LocalTime(13), to: LocalTime(15)),
                attendance: [
                    Attendance(anders, for: bjuv, .present),
                    Attendance(annaA, for: angelholm, .remote),
                    Attendance(petra, for: helsingborg, .present),
                ],
                source: source))
        registry.add(
            Meeting(
                cancelled, of: directors, title: "Extramöte", time: .day(Day(2026, 6, 12)),
                status: .cancelled, source: source))
        registry.add(
            Meeting(
                history, of: directors, title: "Gammalt möte", time: .month(year: 2025, month: 1),
                source: source))

        registry.add(
            Decision(
                deadlineAll, at: spring, item: 1, title: "Svar från varje kommun", text: "…",
                deadline: Day(2026, 6, 1), actors: [.everyMunicipality], source: source))
        registry.add(
            Decision(
                deadlineNetwork, at: summer, item: 2, title: "Nätverkets syfte", text: "…",
                deadline: Day(2026, 9, 15), actors: [.body(network)], source: source))
        return registry
    }()

    /// Every non-empty line of `text` is at most `width` characters wide.
    static func widest(_ text: String) -> Int {
        text.split(separator: "\n").map(\.count).max() ?? 0
    }
}
