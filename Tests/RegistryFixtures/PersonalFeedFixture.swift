import Registry

/// A year of two bodies and the people who come and go in them: who gets which events in
/// their personal feed, and in whose wording.
///
/// - Jonna joins the network for Alfa on 1 June; Lars leaves it (for Beta) the same day.
/// - Lisa sat among the directors for Alfa until 1 February.
/// - Tove is a director for Alfa, and (in `registry(toveAlsoForBeta: true)`) joins the
///   network for Beta on 1 June, so on the deadline she represents two municipalities.
/// - Sara starts as the network's coordinator on 1 May (a staff appointment).
/// - Hugo, a director for Beta, does not want his schedule published.
/// The decision of 10 March asks Alfa and Beta to answer by 1 October.
enum PersonalFeedFixture {
    static let minutes = Document.ID("protokoll-2026-03-10")
    static let source = Source(minutes)
    static let alfa = Municipality.ID("alfa")
    static let beta = Municipality.ID("beta")
    static let directors = Body.ID("direktorerna")
    static let network = Body.ID("natverket")
    static let jonna = Person.ID("jonna-jonsson")
    static let lars = Person.ID("lars-larsson")
    static let lisa = Person.ID("lisa-lund")
    static let tove = Person.ID("tove-tell")
    static let sara = Person.ID("sara-sund")
    static let hugo = Person.ID("hugo-holm")

    static let directorsJanuary = Meeting.ID("dir-2026-01-15")
    static let directorsMarch = Meeting.ID("dir-2026-03-10")
    static let directorsSeptember = Meeting.ID("dir-2026-09-10")
    static let networkApril = Meeting.ID("nat-2026-04-15")
    static let networkAugust = Meeting.ID("nat-2026-08-20")
    static let budget = Decision.ID("dir-2026-03-10-budget")
    static let request = ActionRequest.ID("dir-2026-03-10-budget-svar")
    static let letter = Document.ID("alfa-brev-2026-04-22")
    /// The start date's record ID.
    static let saraStarts = StaffAppointment.ID("sara-sund.natverket")

    static func registry(toveAlsoForBeta: Bool = false, alfaAnswered: Bool = false) -> Registry {
        var r = Registry()
        r.configure(publicURL: "https://kalender.example.se")
        r.add(Document(minutes, title: "Protokoll 10 mars 2026", date: Day(2026, 3, 10)))
        r.add(Municipality(alfa, name: "Alfa", officialName: "Alfa kommun", source: source))
        r.add(Municipality(beta, name: "Beta", officialName: "Beta kommun", source: source))
        for (id, name) in [
            (jonna, "Jonna Jonsson"), (lars, "Lars Larsson"), (lisa, "Lisa Lund"), (tove, "Tove Tell"),
            (sara, "Sara Sund"),
        ] {
            r.add(Person(id, name: name, source: source))
        }
        r.add(Person(hugo, name: "Hugo Holm", schedulePublished: false, source: source))
        r.add(
            Body(
                directors, name: "Direktörerna", kind: .directorsGroup, lifecycle: .established,
                source: source))
        r.add(Body(network, name: "Nätverket", kind: .network, lifecycle: .established, source: source))
        r.add(Membership(jonna, in: network, as: .member, for: alfa, from: Day(2026, 6, 1), source: source))
        r.add(Membership(lars, in: network, as: .member, for: beta, to: Day(2026, 6, 1), source: source))
        r.add(Membership(lisa, in: directors, as: .director, for: alfa, to: Day(2026, 2, 1), source: source))
        r.add(
            Membership(tove, in: directors, as: .director, for: alfa, from: Day(2026, 2, 1), source: source))
        if toveAlsoForBeta {
            r.add(
                Membership(tove, in: network, as: .member, for: beta, from: Day(2026, 6, 1), source: source))
        }
        r.add(Membership(hugo, in: directors, as: .director, for: beta, source: source))
        r.add(
            StaffAppointment(sara, in: network, title: "samordnare", starts: Day(2026, 5, 1), source: source))
        for (id, body, day) in [
            (directorsJanuary, directors, Day(2026, 1, 15)), (directorsMarch, directors, Day(2026, 3, 10)),
            (directorsSeptember, directors, Day(2026, 9, 10)), (networkApril, network, Day(2026, 4, 15)),
            (networkAugust, network, Day(2026, 8, 20)),
        ] {
            r.add(
                Meeting(
                    id, of: body, title: body == directors ? "Direktörsmöte" : "Nätverksmöte",
                    time: .timed(day, from: LocalTime(9), to: LocalTime(11)), source: source))
        }
        r.add(
            Decision(
                budget, at: directorsMarch, item: 1, title: "Synpunkter på budgeten",
                text: "Att remittera budgeten.",
                deadline: Day(2026, 10, 1), actors: [.municipality(alfa), .municipality(beta)],
                source: Source(minutes, item: "1")))
        r.add(
            ActionRequest(
                request, of: budget, asked: [.municipality(alfa), .municipality(beta)],
                what: "lämna synpunkter på budgeten", by: Day(2026, 10, 1), source: Source(minutes, item: "1")
            ))
        if alfaAnswered {
            r.add(Document(letter, title: "Brev från Alfa", date: Day(2026, 4, 22)))
            r.add(
                ActionResponse(
                    .municipality(alfa), to: request, answer: .gave("synpunkter"), on: Day(2026, 4, 22),
                    source: Source(letter)))
        }
        return r
    }
}
