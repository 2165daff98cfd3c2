import MinutesImport
import Registry
import RegistryData
import Testing

/// Minutes written for these tests in the seed's layout, with other people, dates,
/// decisions and answers, read against the registry of `Data/`: the rules read the
/// layout, not the seed's sentences.
struct OwnMinutesTests {
    static let registry = Registry.familjenHelsingborg

    static func plan(_ name: String) -> ImportPlan {
        Drafter.plan(MinutesParser.parse(MinutesText(Fixture.text(name))), registry: registry)
    }

    static let may = plan("kdm-2026-05-22.txt")
    static let september = plan("kdm-2026-09-04.txt")

    static func records(_ plan: ImportPlan) -> [Draft.Record] { plan.drafts.map(\.record) }

    @Test func theMeetingOfTwentySecondMayReplacesItsPlaceholderKeepingItsID() throws {
        let draft = try #require(
            Self.may.drafts.first { if case .meeting = $0.record { true } else { false } })
        guard case .meeting(let meeting) = draft.record, case .replace(let location) = draft.change else {
            Issue.record("the meeting is not a replacement")
            return
        }
        let placeholder = try #require(Self.registry[Meeting.ID("kdm-2026-05-22")])
        #expect(meeting.id == placeholder.id && location == placeholder.location)
        #expect(meeting.time == .timed(Day(2026, 5, 22), from: LocalTime(9), to: LocalTime(11, 30)))
        #expect(meeting.place == "Mindpark, Helsingborg" && meeting.remote == "Teams")
        #expect(meeting.attendance.count == 9)
        #expect(
            meeting.attendance.filter { $0.mode == .remote }.map(\.person) == [.elinAsk, .marieAppelqvist])
        #expect(meeting.agenda.map(\.number) == [1, 2, 3, 4])
    }

    @Test func namesMatchLooselyAndAreFlagged() throws {
        let meeting = try #require(
            Self.may.drafts.first { if case .meeting = $0.record { true } else { false } })
        #expect(meeting.notes.contains { $0.contains("”Agneta Fristed” tolkat som Agneta Fristedt") })
        guard case .meeting(let record) = meeting.record else { return }
        #expect(record.attendance.contains(Attendance(.agnetaFristedt, for: .bjuv, .present)))
        #expect(record.attendance.contains(Attendance(.hermanCrespin, for: .hoganas, .present)))
        #expect(record.attendance.contains(Attendance(.pernillaAnderberg, for: .landskrona, .present)))
        let september = try #require(
            Self.september.drafts.first { if case .meeting = $0.record { true } else { false } })
        #expect(september.notes.contains { $0.contains("”Åsa Simonson” tolkat som Åsa Simonsson") })
    }

    @Test func newPeopleAreDraftedAndFlagged() {
        let people = Self.records(Self.may).compactMap { if case .person(let p) = $0 { p } else { nil } }
        #expect(people.map(\.name) == ["Lena Holm", "Johan Ek", "Anna Berg"])
        #expect(people.map(\.id.rawValue) == ["lena-holm", "johan-ek", "anna-berg"])
        #expect(
            Self.may.drafts.filter { if case .person = $0.record { true } else { false } }.allSatisfy {
                $0.notes.contains { $0.hasPrefix("Ny person") }
            })
    }

    @Test func decisionsKeepTheirWordsAndDeadlines() {
        let decisions = Self.records(Self.may).compactMap { if case .decision(let d) = $0 { d } else { nil } }
        #expect(
            decisions.map(\.text) == [
                "Att godkänna förslaget till syfte för Energinätverket.",
                "Att varje kommun utser en kontaktperson till nätverket senast den 15 juni.",
                "Att tacka för informationen.",
                "Att nästa möte hålls den 4 september.",
            ])
        #expect(decisions.map(\.deadline) == [nil, Day(2026, 6, 15), nil, nil])
        #expect(decisions[1].actors == [.everyMunicipality])
        // "varje kommun … senast": a request to each municipality, followed by `samverkan actions`.
        let requests = Self.records(Self.may).compactMap { if case .request(let r) = $0 { r } else { nil } }
        #expect(requests.map(\.what) == ["utser en kontaktperson till nätverket"])
        #expect(requests.first?.by == Day(2026, 6, 15) && requests.first?.decision == decisions[1].id)
        #expect(requests.first?.asksEveryMunicipality == true)
        #expect(requests.first?.kind == .request)
    }

    /// 4 September: "de andra kommunerna får ansluta sig frivilligt" under the heading the
    /// decision names is an offer to every municipality but the one that procures; "samtliga
    /// kommuner ska lämna … senast" is a demand of every municipality.
    @Test func septemberOffersOneThingAndDemandsAnother() throws {
        let requests = Self.records(Self.september).compactMap {
            if case .request(let r) = $0 { r } else { nil }
        }
        #expect(requests.map(\.kind) == [.offer, .request])
        let offer = try #require(requests.first)
        #expect(offer.by == Day(2026, 10, 30) && !offer.asksEveryMunicipality)
        #expect(
            Set(offer.asked)
                == Set(
                    Self.registry.municipalities.map(\.id).filter { $0 != .angelholm }.map {
                        .municipality($0)
                    }))
        #expect(offer.what == "avgör om den ansluter sig till e-arkivet")
        let demand = try #require(requests.last)
        #expect(demand.asksEveryMunicipality && demand.by == Day(2026, 10, 15))
        #expect(demand.what == "lämna sina kostnadsuppgifter till sekretariatet")
        let draft = try #require(Self.september.drafts.first { $0.idText == offer.id.rawValue })
        #expect(draft.kindLabel == "erbjudande")
        #expect(draft.notes.contains { $0.contains("Ett erbjudande (”själv avgör”)") })
    }

    @Test func theNextMeetingIsAPlaceholder() {
        let meetings = Self.records(Self.may).compactMap { if case .meeting(let m) = $0 { m } else { nil } }
        #expect(meetings.last?.id.rawValue == "kdm-2026-09-04")
        #expect(meetings.last?.time == .day(Day(2026, 9, 4)))
    }

    @Test func answersCarryTheMeetingsDayMarkedInferred() {
        let answers = Self.records(Self.may).compactMap { if case .response(let r) = $0 { r } else { nil } }
        #expect(
            answers.map(\.party) == [.municipality(.bjuv), .municipality(.klippan), .municipality(.svalov)])
        #expect(
            answers.allSatisfy {
                $0.answer == .gave("fullmakt") && $0.on == Day(2026, 5, 22) && $0.isInferred("on")
            })
        let declined = Self.records(Self.september).compactMap {
            if case .response(let r) = $0 { r } else { nil }
        }
        #expect(declined.map(\.party) == [.municipality(.perstorp)])
        #expect(declined.first?.answer == .declined)
    }

    @Test func aWeekIsAGuessedMondayAndASeatChangesHands() throws {
        let staff = Self.records(Self.may).compactMap { if case .staff(let s) = $0 { s } else { nil } }
        #expect(staff.map(\.title) == ["kommunikatör med ansvar för nyhetsbrevet"])
        #expect(staff.first?.starts == Day(2026, 9, 7) && staff.first?.isInferred("starts") == true)
        let seats = Self.may.drafts.filter { if case .membership = $0.record { true } else { false } }
        guard seats.count == 2, case .membership(let ended) = seats[0].record,
            case .membership(let new) = seats[1].record
        else {
            Issue.record("expected the old seat ended and a new one, got \(seats.count)")
            return
        }
        #expect(ended.person == .marieAppelqvist && ended.to == Day(2026, 8, 1))
        #expect(seats[0].change != .add)
        #expect(new.municipality == .perstorp && new.from == Day(2026, 8, 1) && new.role == .director)
    }

    @Test func bodiesStartAndClose() {
        let bodies = (Self.records(Self.may) + Self.records(Self.september)).compactMap {
            if case .body(let b) = $0 { b } else { nil }
        }
        #expect(bodies.map(\.id) == [.energyNetwork, .staffTrainingGroup])
        #expect(bodies.first?.lifecycle.active == .on(Day(2026, 9, 1)))
        #expect(bodies.last?.lifecycle.closed == .on(Day(2026, 12, 31)))
    }

    @Test func septemberReadsItsOwnDatesAndStarts() {
        let records = Self.records(Self.september)
        let decisions = records.compactMap { if case .decision(let d) = $0 { d } else { nil } }
        #expect(
            decisions.map(\.deadline) == [Day(2027, 6, 12), nil, nil, Day(2026, 10, 30), Day(2026, 10, 15)])
        #expect(decisions[3].isInferred("deadline") && !decisions[4].isInferred("deadline"))
        let staff = records.compactMap { if case .staff(let s) = $0 { s } else { nil } }
        #expect(staff.map(\.starts) == [Day(2026, 10, 1)])
        #expect(Self.september.parsed.place == "Stadshuset, Helsingborg")
    }

    @Test func bothValidateAgainstTheRegistry() {
        #expect(Self.may.problems(in: Self.registry) == [])
        #expect(Self.september.problems(in: Self.registry) == [])
        #expect(Self.may.parsed.notUnderstood.isEmpty && Self.september.parsed.notUnderstood.isEmpty)
    }

    /// A sammanträdesprotokoll: another layout. What it says of date, place and who was
    /// there is read; its decisions are not drafted, as no meeting of a known body is.
    @Test func anotherLayoutIsReadWithoutDamage() {
        let plan = Self.plan("ks-au-2026-03-03.txt")
        #expect(plan.parsed.layout == .paragraphs)
        #expect(plan.parsed.date == Day(2026, 3, 3))
        #expect(plan.parsed.place == "Stadshuset, Helsingborg")
        #expect(plan.parsed.time?.from == LocalTime(13) && plan.parsed.time?.to == LocalTime(15, 30))
        #expect(
            plan.parsed.attendees.map(\.name) == [
                "Peter Danielsson", "Anna Jähnke", "Kristian Lindstedt", "Carina Leffler", "Ulla Svensson",
            ])
        #expect(plan.parsed.items.map(\.number) == [41, 42])
        #expect(plan.drafts.count == 1)
        #expect(plan.remarks.contains { $0.text.contains("inget möte föreslås") })
        #expect(!plan.parsed.notUnderstood.isEmpty)
    }
}
