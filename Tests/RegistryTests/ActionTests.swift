import Registry
import Testing

@testable import RegistryFixtures

private typealias F = ValidationFixture

/// Actions a decision asks for, the answers to them, and where each asked party stands.
@Suite struct ActionStatusTests {
    static let request = ActionRequest(
        ActionRequest.ID("budget-svar"), of: F.decision,
        asked: [.municipality(F.alfa), .municipality(F.beta)],
        what: "lämna synpunkter", by: Day(2026, 4, 30), source: F.source)

    static func response(_ answer: ActionResponse.Answer, on day: Day, from: Municipality.ID = F.alfa)
        -> ActionResponse
    {
        ActionResponse(.municipality(from), to: request.id, answer: answer, on: day, source: F.source)
    }

    // Around the deadline of 30 April, for a party that has not answered.
    @Test(arguments: [
        (Day(2026, 4, 10), ActionStatus.notYetDue(due: Day(2026, 4, 30))),
        (Day(2026, 4, 29), .notYetDue(due: Day(2026, 4, 30))),
        (Day(2026, 4, 30), .notYetDue(due: Day(2026, 4, 30))),
        (Day(2026, 5, 1), .overdue(due: Day(2026, 4, 30))),
        (Day(2026, 12, 4), .overdue(due: Day(2026, 4, 30))),
    ])
    func withoutAnAnswer(day: Day, expected: ActionStatus) {
        #expect(Self.request.status(of: .municipality(F.alfa), on: day, responses: []) == expected)
    }

    // Alfa gives it on 22 April: not yet due before, answered from that day on.
    @Test(arguments: [
        (Day(2026, 4, 21), ActionStatus.notYetDue(due: Day(2026, 4, 30))),
        (Day(2026, 4, 22), .answered(on: Day(2026, 4, 22))),
        (Day(2026, 5, 1), .answered(on: Day(2026, 4, 22))),
    ])
    func answeredBeforeTheDeadline(day: Day, expected: ActionStatus) {
        let responses = [Self.response(.gave("synpunkter"), on: Day(2026, 4, 22))]
        #expect(Self.request.status(of: .municipality(F.alfa), on: day, responses: responses) == expected)
        // Beta has not answered: Alfa's answer does not count for it.
        #expect(Self.request.status(of: .municipality(F.beta), on: day, responses: responses).isOpen)
    }

    @Test func declinedIsClosedButNotAnswered() {
        let responses = [Self.response(.declined, on: Day(2026, 4, 28))]
        let status = Self.request.status(of: .municipality(F.alfa), on: Day(2026, 5, 2), responses: responses)
        #expect(status == .declined(on: Day(2026, 4, 28)))
        #expect(!status.isOpen)
        #expect(status.key == "declined")
    }

    // More time asked until 15 May moves the day it is due, and the day it is overdue.
    @Test(arguments: [
        (Day(2026, 5, 1), ActionStatus.notYetDue(due: Day(2026, 5, 15))),
        (Day(2026, 5, 15), .notYetDue(due: Day(2026, 5, 15))),
        (Day(2026, 5, 16), .overdue(due: Day(2026, 5, 15))),
    ])
    func moreTimeMovesTheDueDay(day: Day, expected: ActionStatus) {
        let responses = [Self.response(.askedForMoreTime(until: Day(2026, 5, 15)), on: Day(2026, 4, 29))]
        #expect(Self.request.status(of: .municipality(F.alfa), on: day, responses: responses) == expected)
    }

    @Test func answerLabelsAreSwedish() {
        // The same words feeds and pages use.
        #expect(ActionResponse.Answer.gave("fullmakt").label == "lämnat fullmakt")
        #expect(ActionResponse.Answer.declined.label == "avböjt")
        #expect(
            ActionResponse.Answer.askedForMoreTime(until: Day(2026, 5, 15)).label
                == "bett om anstånd till den 15 maj 2026")
        #expect(ActionStatus.overdue(due: Day(2026, 4, 30)).label == "försenad (senast 2026-04-30)")
    }

    /// An offer is never overdue: who has not answered has not given notice, before the
    /// day and after it.
    @Test(arguments: [Day(2026, 4, 10), Day(2026, 4, 30), Day(2026, 5, 1), Day(2026, 12, 4)])
    func anOfferIsNeverOverdue(day: Day) {
        let offer = ActionRequest(
            ActionRequest.ID("erbjudande"), of: Self.request.decision, asked: [.municipality(F.alfa)],
            what: "ansluta", by: Day(2026, 4, 30), kind: .offer, source: Self.request.source)
        let status = offer.status(of: .municipality(F.alfa), on: day, responses: [])
        #expect(status == .noNotice(by: Day(2026, 4, 30)))
        #expect(!status.isOverdue && status.isOpen)
        #expect(status.phrase(for: .offer) == "inte lämnat besked")
        #expect(ActionStatus.answered(on: day).phrase(for: .offer) == "har anslutit sig")
        #expect(ActionStatus.declined(on: day).phrase(for: .offer) == "har tackat nej")
    }

    /// `asked: .everyMunicipality` asks every municipality, also one added after the request.
    @Test func aRequestToEveryMunicipalityAsksThemAllWithoutListingThem() {
        var registry = Registry()
        let source = Self.request.source
        registry.add(Municipality(F.alfa, name: "Alfa", officialName: "Alfa kommun", source: source))
        registry.add(
            ActionRequest(
                ActionRequest.ID("alla"), of: Self.request.decision, asked: .everyMunicipality, what: "svara",
                by: Day(2026, 4, 30), source: source))
        registry.add(Municipality(F.beta, name: "Beta", officialName: "Beta kommun", source: source))
        let request = registry.actionRequests.first
        #expect(request?.asksEveryMunicipality == true)
        #expect(request?.asked == [.municipality(F.alfa), .municipality(F.beta)])
    }

    @Test func aResponseIDIsDerivedFromActionPartyAndDay() {
        #expect(Self.response(.declined, on: Day(2026, 4, 28)).id.rawValue == "budget-svar.alfa.2026-04-28")
    }
}

/// `openActions(on:)`, `followUp(of:on:)` and `decision(named:)` on a small registry.
@Suite struct ActionQueryTests {
    static func registry(withAnswer: Bool) -> Registry {
        var r = F.registry()
        r.add(ActionStatusTests.request)
        r.add(
            ActionRequest(
                ActionRequest.ID("rapport"), of: F.decision, asked: [.body(F.secretariat)],
                what: "rapportera",
                by: Day(2026, 6, 30), source: F.source))
        if withAnswer { r.add(ActionStatusTests.response(.gave("synpunkter"), on: Day(2026, 4, 22))) }
        return r
    }

    @Test func openActionsListOverdueFirst() {
        let open = Self.registry(withAnswer: false).openActions(on: Day(2026, 5, 10))
        #expect(open.map(\.partyName) == ["Alfa", "Beta", "Sekretariatet"])
        #expect(open.map(\.status.key) == ["overdue", "overdue", "not-yet-due"])
    }

    @Test func anAnsweredPartyIsNoLongerOpen() {
        let registry = Self.registry(withAnswer: true)
        #expect(registry.openActions(on: Day(2026, 4, 21), municipality: F.alfa).count == 1)
        #expect(registry.openActions(on: Day(2026, 4, 22), municipality: F.alfa).isEmpty)
        #expect(
            registry.openActions(on: Day(2026, 5, 10), municipality: F.beta).map(\.status.key) == ["overdue"])
    }

    @Test func nothingIsOpenBeforeTheDecision() {
        #expect(Self.registry(withAnswer: false).openActions(on: Day(2026, 4, 9)).isEmpty)
    }

    @Test func aDecisionHasARowPerAskedParty() throws {
        let registry = Self.registry(withAnswer: true)
        let decision = try registry.decision(named: "decision-2026-04-10")
        let followUp = registry.followUp(of: decision, on: Day(2026, 5, 1))
        #expect(followUp.rows.map(\.partyName) == ["Alfa", "Beta", "Sekretariatet"])
        #expect(
            followUp.rows.map(\.status) == [
                .answered(on: Day(2026, 4, 22)), .overdue(due: Day(2026, 4, 30)),
                .notYetDue(due: Day(2026, 6, 30)),
            ])
        #expect(followUp.answeredCount == 1)
        #expect(followUp.rows[0].responses.map(\.answer) == [.gave("synpunkter")])
        #expect(followUp.decided == Day(2026, 4, 10))
    }

    @Test func anUnknownDecisionListsTheKnownOnes() {
        #expect(throws: QueryError.self) { try Self.registry(withAnswer: false).decision(named: "nosuch") }
    }
}

/// The rules about actions and responses, and the inferred marks.
@Suite struct ActionValidationTests {
    static let ask = ActionRequest.ID("budget-svar")

    /// The fixture's action: Alfa and Beta must answer by 30 April.
    static func addAsk(_ r: inout Registry) { r.add(ActionStatusTests.request) }

    static let breakages: [Breakage] = [
        Breakage(
            "response-from-asked-party", .error, "is from body 'secretariat', which action 'budget-svar' at"
        ) {
            r in
            addAsk(&r)
            let line = #line + 1
            let record = ActionResponse(
                .body(F.secretariat), to: ask, answer: .declined, on: Day(2026, 4, 20), source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "response-not-before-decision", .error,
            "is dated 2026-04-09, before decision 'decision-2026-04-10-budget' was taken (2026-04-10)"
        ) { r in
            addAsk(&r)
            let line = #line + 1
            let record = ActionResponse(
                .municipality(F.alfa), to: ask, answer: .declined, on: Day(2026, 4, 9), source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "response-by-deadline", .warning,
            "came on 2026-05-04, 4 days after action 'budget-svar' was due (2026-04-30)"
        ) { r in
            addAsk(&r)
            let line = #line + 1
            let record = ActionResponse(
                .municipality(F.beta), to: ask, answer: .gave("x"), on: Day(2026, 5, 4), source: F.source)
            r.add(record)
            return line
        },
        Breakage(
            "response-references", .error, "response 'nosuch.alfa.2026-04-20' action 'nosuch' has no record"
        ) { r in
            let line = #line + 2
            r.add(
                ActionResponse(
                    .municipality(F.alfa), to: ActionRequest.ID("nosuch"), answer: .declined,
                    on: Day(2026, 4, 20),
                    source: F.source))
            return line
        },
        Breakage("action-references", .error, "action 'x' party 'gamma' has no record") { r in
            let line = #line + 2
            r.add(
                ActionRequest(
                    ActionRequest.ID("x"), of: F.decision, asked: [.municipality(Municipality.ID("gamma"))],
                    what: "y",
                    by: Day(2026, 5, 1), source: F.source))
            return line
        },
        Breakage("action-deadline-not-before-decision", .error, "is due 2026-04-01, before the decision") {
            r in
            let line = #line + 2
            r.add(
                ActionRequest(
                    ActionRequest.ID("x"), of: F.decision, asked: [.municipality(F.alfa)], what: "y",
                    by: Day(2026, 4, 1), source: F.source))
            return line
        },
        Breakage("inferred-marks", .error, "marks 'colour' as inferred, but a body has no such field") { r in
            let line = #line + 2
            r.add(
                Body(
                    Body.ID("net"), name: "Nät", kind: .network, lifecycle: .established, source: F.source,
                    inferred: [Inferred("colour", because: "x")]))
            return line
        },
        Breakage("inferred-marks", .error, "marks 'name' as inferred without a reason") { r in
            let line = #line + 2
            r.add(
                Body(
                    Body.ID("net"), name: "Nät", kind: .network, lifecycle: .established, source: F.source,
                    inferred: [Inferred("name", because: " ")]))
            return line
        },
    ]

    @Test("Actions, responses and inferred marks", arguments: breakages)
    func actionRules(_ breakage: Breakage) throws { try breakage.check() }

    @Test func aResponseAfterMoreTimeWasAskedIsNotLate() {
        var registry = F.registry()
        Self.addAsk(&registry)
        registry.add(
            ActionResponse(
                .municipality(F.alfa), to: Self.ask, answer: .askedForMoreTime(until: Day(2026, 5, 15)),
                on: Day(2026, 4, 28), source: F.source))
        registry.add(
            ActionResponse(
                .municipality(F.alfa), to: Self.ask, answer: .gave("x"), on: Day(2026, 5, 10),
                source: F.source))
        #expect(registry.validate().isEmpty)
    }

    /// An answer the minutes report without its day carries the day of the minutes, marked
    /// inferred: the same late answer that warns above is then not reported as late, and
    /// the mark is counted like any other.
    @Test func anAnswerWithAnInferredDayIsNotLate() {
        var registry = F.registry()
        Self.addAsk(&registry)
        let because = Inferred("on", because: "Protokollet anger inte när svaret kom.")
        registry.add(
            ActionResponse(
                .municipality(F.beta), to: Self.ask, answer: .gave("x"), on: Day(2026, 5, 4),
                source: F.source,
                inferred: [because]))
        #expect(registry.validate().isEmpty)
        #expect(registry.inferredFacts.last?.mark.field == "on")
        var wrong = F.registry()
        Self.addAsk(&wrong)
        wrong.add(
            ActionResponse(
                .municipality(F.beta), to: Self.ask, answer: .gave("x"), on: Day(2026, 5, 4),
                source: F.source,
                inferred: [Inferred("day", because: "x")]))
        #expect(wrong.validate().map(\.rule).contains("inferred-marks"))
    }

    /// A start date can be marked inferred too, and the mark is counted.
    @Test func aStartDateCanBeInferred() {
        var registry = F.registry()
        let before = registry.inferredCount
        registry.add(
            StaffAppointment(
                F.cecilia, in: F.secretariat, title: "samordnare", starts: Day(2026, 9, 1),
                id: StaffAppointment.ID("cecilia-samordnare"), source: F.source,
                inferred: [Inferred("starts", because: "Protokollet anger inget år.")]))
        #expect(registry.validate().filter { $0.severity == .error }.isEmpty)
        #expect(registry.inferredCount == before + 1)
        #expect(registry.inferredFacts.last?.mark.field == "starts")
    }

    /// The overdue warning needs today's date, which `validate(on:)` takes; `validate()` has none.
    @Test func anOverdueActionIsAWarningOnTheDayGiven() throws {
        var registry = F.registry()
        let line = #line + 1
        let request = ActionRequest(
            ActionRequest.ID("budget-svar"), of: F.decision,
            asked: [.municipality(F.alfa), .municipality(F.beta)],
            what: "lämna synpunkter", by: Day(2026, 4, 30), source: F.source)
        registry.add(request)
        #expect(registry.validate().isEmpty)
        #expect(registry.validate(on: Day(2026, 4, 30)).isEmpty)
        let diagnostics = registry.validate(on: Day(2026, 5, 1))
        let warning = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(warning.rule == "overdue-actions")
        #expect(warning.severity == .warning)
        #expect(
            warning.description
                == "Tests/RegistryTests/ActionTests.swift:\(line): warning: action 'budget-svar' was due 2026-04-30; "
                + "on 2026-05-01 2 of 2 asked have not answered: Alfa, Beta")
        registry.add(ActionStatusTests.response(.gave("x"), on: Day(2026, 4, 22)))
        registry.add(ActionStatusTests.response(.declined, on: Day(2026, 4, 23), from: F.beta))
        #expect(registry.validate(on: Day(2026, 5, 1)).isEmpty)
    }
}

/// Marking what the registry infers, and how readers see it.
@Suite struct InferredTests {
    static func registry() -> Registry { F.registryWithInferredFacts() }
}

extension InferredTests {
    @Test func readersSeeAntaget() throws {
        let registry = Self.registry()
        let body = try #require(registry[Body.ID("natet")])
        #expect(body.displayName == "Nätet (tolkning)")
        #expect(registry[F.secretariat]?.displayName == "Sekretariatet")
        #expect(registry.memberships.last?.roleLabel == "ledamot (tolkning)")
        #expect(registry.memberships.first?.roleLabel == "kommundirektör")
    }

    @Test func theValidatorCountsThem() {
        let registry = Self.registry()
        #expect(registry.validate().isEmpty)
        #expect(registry.inferredCount == 2)
        #expect(
            registry.validationSummary(of: []) == "No problems found in 15 records; 2 facts marked inferred.")
    }
}
