import MinutesImport
import Registry
import RegistryData
import Testing

/// A reviewer's corrections of drafts before writing (`--set N.FIELD=VALUE`, `--confirm
/// N.FIELD`): values read with the importer's own parsers, marks as guesses removed or
/// kept, and every mistake named with its draft and field.
struct CorrectionTests {
    static let registry = Registry.familjenHelsingborg
    static let may = OwnMinutesTests.may
    static let september = OwnMinutesTests.september

    /// The number of the first draft of `plan` that `matches`.
    static func number(_ plan: ImportPlan, _ matches: (Draft.Record) -> Bool) -> Int {
        plan.drafts.first { matches($0.record) }?.number ?? 0
    }

    static func staff(_ record: Draft.Record) -> Bool { if case .staff = record { true } else { false } }
    static func response(_ record: Draft.Record) -> Bool {
        if case .response = record { true } else { false }
    }
    static func request(_ record: Draft.Record) -> Bool { if case .request = record { true } else { false } }
    static func meeting(_ record: Draft.Record) -> Bool { if case .meeting = record { true } else { false } }
    static func deadline(_ record: Draft.Record) -> Bool {
        if case .decision(let d) = record { d.deadline != nil } else { false }
    }
    static func director(_ record: Draft.Record) -> Bool {
        if case .membership(let m) = record { m.from != nil && m.to == nil } else { false }
    }

    /// One correction of the 22 May plan: which draft, the field and value as typed, and
    /// what the corrected record must say.
    struct Case: Sendable, CustomTestStringConvertible {
        let draft: @Sendable (Draft.Record) -> Bool
        let text: String
        let check: @Sendable (Draft.Record) -> Bool
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(draft: staff, text: "starts=14 september") {
            if case .staff(let s) = $0 {
                s.starts == Day(2026, 9, 14) && !s.isInferred("starts")
            } else {
                false
            }
        },
        Case(draft: staff, text: "dag=den 1/10 2026 (tolkning)") {
            if case .staff(let s) = $0 {
                s.starts == Day(2026, 10, 1) && s.isInferred("starts")
            } else {
                false
            }
        },
        Case(draft: staff, text: "titel=kommunikatör") {
            if case .staff(let s) = $0 { s.title == "kommunikatör" } else { false }
        },
        Case(draft: deadline, text: "deadline=30/6") {
            if case .decision(let d) = $0 { d.deadline == Day(2026, 6, 30) } else { false }
        },
        Case(draft: deadline, text: "sista dag=ingen") {
            if case .decision(let d) = $0 { d.deadline == nil } else { false }
        },
        Case(draft: deadline, text: "text=Att varje kommun utser en kontaktperson.") {
            if case .decision(let d) = $0 {
                d.text == "Att varje kommun utser en kontaktperson."
            } else {
                false
            }
        },
        Case(draft: response, text: "on=20 maj") {
            if case .response(let r) = $0 { r.on == Day(2026, 5, 20) && !r.isInferred("on") } else { false }
        },
        Case(draft: response, text: "svar=avböjt") {
            if case .response(let r) = $0 { r.answer == .declined } else { false }
        },
        Case(draft: response, text: "kommun=Åstor") {
            if case .response(let r) = $0 { r.party == .municipality(.astorp) } else { false }
        },
        Case(draft: request, text: "kind=erbjudande") {
            if case .request(let r) = $0 { r.kind == .offer } else { false }
        },
        Case(draft: request, text: "asked=alla utom Helsingborg") {
            if case .request(let r) = $0 { r.asked.count == 10 && !r.asksEveryMunicipality } else { false }
        },
        Case(draft: director, text: "person=Lena Holm") {
            if case .membership(let m) = $0 { m.person == Person.ID("lena-holm") } else { false }
        },
        Case(draft: director, text: "from=1 september") {
            if case .membership(let m) = $0 { m.from == Day(2026, 9, 1) } else { false }
        },
        Case(draft: meeting, text: "tid=kl 9–12") {
            if case .meeting(let m) = $0 {
                m.time == .timed(Day(2026, 5, 22), from: LocalTime(9), to: LocalTime(12))
            } else {
                false
            }
        },
    ]

    @Test(arguments: cases)
    func aCorrectionSetsTheFieldAndIsShown(_ example: Case) throws {
        let number = Self.number(Self.may, example.draft)
        let correction = try Correction(parsing: "\(number).\(example.text)")
        let plan = try Self.may.correcting([correction], registry: Self.registry)
        let draft = plan.drafts[number - 1]
        #expect(example.check(draft.record), "\(draft.summary)")
        #expect(draft.corrected.count == 1)
        #expect(plan.review(registry: Self.registry).contains("   rättat: "))
        #expect(plan.problems(in: Self.registry) == [])
    }

    @Test func confirmingAGuessRemovesItsMarkAndKeepsTheValue() throws {
        let number = Self.number(Self.may, Self.staff)
        let plan = try Self.may.correcting(
            [Correction(confirming: "\(number).starts")], registry: Self.registry)
        guard case .staff(let before) = Self.may.drafts[number - 1].record,
            case .staff(let after) = plan.drafts[number - 1].record
        else {
            Issue.record("draft \(number) is no start date")
            return
        }
        #expect(before.isInferred("starts") && !after.isInferred("starts"))
        #expect(after.starts == before.starts)
        #expect(plan.drafts[number - 1].corrected == ["starts bekräftat"])
    }

    /// Mistakes, each naming the draft and the field.
    @Test(arguments: [
        ("99.title=x", "förslag 99 finns inte"),
        ("STAFF.lön=x", "har inget fält ”lön”; rätta något av: person, title, starts, ends, body"),
        ("STAFF.starts=32 maj", "(startdatum), starts: ”32 maj” är inget datum"),
        ("STAFF.starts=1 maj och sedan", "starts: ”1 maj och sedan” är mer än ett datum"),
        ("RESPONSE.party=Oslo", "(svar), party: ingen kommun heter ”Oslo”"),
        ("RESPONSE.answer=kanske", "(svar), answer: ”kanske” är inget svar"),
        ("REQUEST.kind=förslag", "(begäran), kind: ”förslag” är varken ”begäran” eller ”erbjudande”"),
        ("REQUEST.what=x (tolkning)", "(begäran) kan inte markeras som tolkning"),
        ("STAFF.starts=", "inget värde efter ”=”"),
        ("STAFF.starts", "är ingen rättelse"),
        ("starts=1 maj", "börjar inte med förslagets nummer"),
    ])
    func aMistakeNamesTheDraftAndTheField(_ text: String, _ message: String) {
        let staff = Self.number(Self.may, Self.staff)
        let written = text.replacing("STAFF", with: "\(staff)")
            .replacing("RESPONSE", with: "\(Self.number(Self.may, Self.response))")
            .replacing("REQUEST", with: "\(Self.number(Self.may, Self.request))")
        #expect {
            try Self.may.correcting([Correction(parsing: written)], registry: Self.registry)
        } throws: { error in
            (error as? CorrectionError)?.description.contains(message) == true
        }
    }

    /// The request drafted from a decision is due on the decision's deadline: correcting
    /// the deadline moves it.
    @Test func theRequestFollowsItsDecisionsCorrectedDeadline() throws {
        let decision = Self.number(Self.may, Self.deadline)
        let plan = try Self.may.correcting(
            [Correction(parsing: "\(decision).deadline=1 juli")], registry: Self.registry)
        let request = Self.number(plan, Self.request)
        guard case .request(let moved) = plan.drafts[request - 1].record else {
            Issue.record("draft \(request) is no request")
            return
        }
        #expect(moved.by == Day(2026, 7, 1))
        #expect(plan.drafts[request - 1].corrected == ["by = 1 juli 2026, beslutets sista dag"])
    }

    /// The review asks the reviewer to check a drafted deadline; once it is corrected or
    /// removed, that note would speak of a day the draft no longer has.
    @Test(arguments: ["deadline=1 juli", "deadline=ingen"])
    func aCorrectedDeadlineDropsTheNoteAboutTheOldOne(_ text: String) throws {
        let decision = Self.number(Self.may, Self.deadline)
        #expect(Self.may.drafts[decision - 1].notes.contains { $0.hasPrefix("Sista dag 15 juni 2026:") })
        let plan = try Self.may.correcting(
            [Correction(parsing: "\(decision).\(text)")], registry: Self.registry)
        #expect(!plan.drafts[decision - 1].notes.contains { $0.hasPrefix("Sista dag") })
    }

    @Test func confirmingAFieldThatIsNoGuessIsAMistake() {
        let number = Self.number(Self.may, Self.request)
        #expect(throws: CorrectionError.self) {
            try Self.may.correcting([Correction(confirming: "\(number).by")], registry: Self.registry)
        }
    }
}
