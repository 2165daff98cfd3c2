import Registry
import Testing

/// A small registry that passes every validation rule, and the IDs it uses. Each
/// validation test adds one broken record to it and checks what the validator says.
enum ValidationFixture {
    static let minutes = Document.ID("minutes-2026-04-10")
    static let source = Source(minutes)
    static let alfa = Municipality.ID("alfa")
    static let beta = Municipality.ID("beta")
    static let anna = Person.ID("anna-andersson")
    static let bo = Person.ID("bo-berg")
    static let cecilia = Person.ID("cecilia-carlsson")
    static let directors = Body.ID("directors")
    static let secretariat = Body.ID("secretariat")
    static let meeting = Meeting.ID("meeting-2026-04-10")
    static let decision = Decision.ID("decision-2026-04-10-budget")

    /// An ID declared like the others but never added: what a forgotten `add` looks like.
    static let ghost = Person.ID("ghost")

    static func registry() -> Registry {
        var r = Registry()
        r.add(
            Document(
                minutes, title: "Protokoll 2026-04-10", date: Day(2026, 4, 10),
                url: "https://example.org/p.pdf"))
        r.add(Municipality(alfa, name: "Alfa", officialName: "Alfa kommun", source: source))
        r.add(
            Municipality(
                beta, name: "Beta", officialName: "Beta stad", aliases: ["Beta kommun"], source: source))
        r.add(Person(anna, name: "Anna Andersson", email: "anna.andersson@alfa.se", source: source))
        r.add(Person(bo, name: "Bo Berg", source: source))
        r.add(Person(cecilia, name: "Cecilia Carlsson", source: Source(minutes, item: "1")))
        r.add(
            Body(
                directors, name: "Direktörerna", kind: .directorsGroup, lifecycle: .established,
                source: source))
        r.add(
            Body(
                secretariat, name: "Sekretariatet", kind: .secretariat,
                lifecycle: Lifecycle(proposed: .on(Day(2025, 1, 1)), active: .on(Day(2025, 6, 1))),
                parent: directors, purpose: "Driver samarbetet.\nRad två.", source: source))
        r.add(Membership(anna, in: directors, as: .director, for: alfa, source: source))
        r.add(Membership(bo, in: directors, as: .director, for: beta, from: Day(2026, 1, 1), source: source))
        r.add(
            StaffAppointment(
                cecilia, in: secretariat, title: "samordnare", starts: Day(2026, 5, 1), source: source))
        r.add(
            Meeting(
                meeting, of: directors, title: "Direktörsmöte",
                time: .timed(Day(2026, 4, 10), from: LocalTime(8, 30), to: LocalTime(10, 30)),
                place: "Mindpark", remote: "Teams",
                attendance: [Attendance(anna, for: alfa, .present), Attendance(bo, for: beta, .absent)],
                agenda: [AgendaItem(1, "Budget", summary: "Rad ett.\n\tRad två.", presenters: [cecilia])],
                source: source))
        r.add(
            Decision(
                decision, at: meeting, item: 1, title: "Budget", text: "Att anta budgeten.",
                deadline: Day(2026, 4, 30),
                actors: [.person(cecilia), .body(secretariat), .municipality(alfa), .everyMunicipality],
                source: Source(minutes, item: "1")))
        return r
    }
}

/// One way to break the fixture, and the diagnostic the validator must give for it.
struct Breakage: Sendable, CustomTestStringConvertible {
    let rule: String
    let severity: Diagnostic.Severity
    let fragment: String
    /// How many diagnostics the broken registry has in all (the one checked included).
    let total: Int
    /// Adds the broken record to the registry and returns the line it was written on.
    let apply: @Sendable (inout Registry) -> Int

    init(
        _ rule: String, _ severity: Diagnostic.Severity, _ fragment: String, total: Int = 1,
        _ apply: @escaping @Sendable (inout Registry) -> Int
    ) {
        self.rule = rule
        self.severity = severity
        self.fragment = fragment
        self.total = total
        self.apply = apply
    }

    var testDescription: String { "\(rule): \(fragment)" }

    /// Breaks the fixture and checks that the rule reports it, at the broken record's line.
    func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var registry = ValidationFixture.registry()
        let line = apply(&registry)
        let diagnostics = registry.validate()
        #expect(diagnostics.count == total, "\(diagnostics)", sourceLocation: sourceLocation)
        let found = try #require(
            diagnostics.first { $0.rule == rule && $0.message.contains(fragment) },
            "no \(rule) diagnostic saying \"\(fragment)\" in \(diagnostics)", sourceLocation: sourceLocation)
        #expect(found.severity == severity, sourceLocation: sourceLocation)
        #expect(found.location.line == line, sourceLocation: sourceLocation)
        #expect(found.location.path.hasPrefix("Tests/RegistryTests/"), sourceLocation: sourceLocation)
    }
}

extension ValidationFixture {
    /// The validation fixture plus a body and a membership marked as inferred.
    static func registryWithInferredFacts() -> Registry {
        var r = registry()
        r.add(
            Body(
                Body.ID("natet"), name: "Nätet", kind: .network, lifecycle: .established, source: source,
                inferred: [Inferred("name", because: "Protokollet säger \"ett nätverk\".")]))
        r.add(
            Membership(
                bo, in: Body.ID("natet"), as: .member, for: beta, source: source,
                inferred: [Inferred("role", because: "Ingen roll anges.")]))
        return r
    }
}
