import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
import RegistryData
import Testing

@testable import RegistryFixtures

/// An answer to what a decision asks is a change subscribers see: the answering
/// municipality's feed and the shared feeds get new text with a higher SEQUENCE, the
/// others keep their bytes, and the change log says who answered.
@Suite struct AnswerPublicationTests {
    typealias A = ActionFixture
    typealias F = ValidationFixture

    static let later = Instant(Day(2026, 4, 23), hour: 7)
    static let uid = "deadline-\(F.decision.rawValue)@familjenhelsingborg.se"

    static func publish(
        _ registry: Registry, after ledger: Ledgers = Ledgers(), now: Instant? = nil
    )
        throws -> Publication
    {
        Publication(registry: registry, previous: ledger, encoder: try ICalendarEncoder(), now: now)
    }

    /// The deadline's VEVENT in the file at `path`, unfolded, one content line each.
    static func deadline(_ publication: Publication, _ path: String) throws -> [String] {
        let file = try #require(publication.files.first { $0.path == path })
        let text = String(decoding: file.bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        let events = text.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        let event = try #require(events.first { $0.contains("UID:\(uid)") })
        return event.components(separatedBy: "\r\n")
    }

    static func sequence(_ lines: [String]) -> Int? {
        lines.first { $0.hasPrefix("SEQUENCE:") }.flatMap { Int($0.dropFirst("SEQUENCE:".count)) }
    }

    static func description(_ lines: [String]) -> String {
        lines.first { $0.hasPrefix("DESCRIPTION:") } ?? ""
    }

    @Test func eachFeedShowsItsOwnWording() throws {
        let publication = try Self.publish(A.registry())
        #expect(Self.description(try Self.deadline(publication, "all.ics")).contains("0 av 2 har svarat."))
        #expect(
            Self.description(try Self.deadline(publication, "deadlines.ics")).contains("0 av 2 har svarat."))
        #expect(
            Self.description(try Self.deadline(publication, "municipalities/alfa.ics")).contains(
                "Alfa har inte svarat."))
        #expect(
            Self.description(try Self.deadline(publication, "municipalities/beta.ics")).contains(
                "Beta har inte svarat."))
        // The ledger keeps a line for each municipality's wording.
        #expect(publication.ledger.events[LedgerKey(uid: Self.uid, municipality: "alfa")] != nil)
        #expect(publication.ledger.events[LedgerKey(uid: Self.uid, municipality: "beta")] != nil)
    }

    @Test func anAnswerRaisesSequenceWhereItShowsAndIsLogged() throws {
        let before = try Self.publish(A.registry())
        let after = try Self.publish(
            A.registry(alfaAnswers: .gave("synpunkter")), after: before.ledger, now: Self.later)

        for path in ["all.ics", "deadlines.ics", "municipalities/alfa.ics"] {
            let old = try Self.deadline(before, path)
            let new = try Self.deadline(after, path)
            #expect(Self.sequence(new) == Self.sequence(old).map { $0 + 1 }, "\(path)")
        }
        #expect(
            Self.description(try Self.deadline(after, "municipalities/alfa.ics")).contains(
                "Alfa har svarat den 22 april 2026 (lämnat synpunkter)."))
        #expect(Self.description(try Self.deadline(after, "all.ics")).contains("1 av 2 har svarat: Alfa."))
        // Beta's feed did not change at all.
        let betaBefore = try #require(before.files.first { $0.path == "municipalities/beta.ics" })
        let betaAfter = try #require(after.files.first { $0.path == "municipalities/beta.ics" })
        #expect(betaBefore.bytes == betaAfter.bytes)
        #expect(betaBefore.lastModified == betaAfter.lastModified)

        #expect(before.changes.isEmpty)
        let entry = try #require(after.changes.first)
        #expect(after.changes.count == 1, "\(after.changes)")
        #expect(entry.kind == .answered)
        #expect(entry.text == "Alfa har svarat på ”Budget” den 22 april 2026 (lämnat synpunkter).")
        #expect(entry.municipalities == ["alfa"])
        #expect(entry.uid == Self.uid)
        #expect(entry.date == Self.later)
        #expect(entry.url == "\(A.publicURL)/beslut/\(F.decision.rawValue)")
        let log = try #require(after.files.first { $0.path == "changes.tsv" })
        #expect(String(decoding: log.bytes, as: UTF8.self).contains("\tanswered\talfa\t"))
    }

    @Test(arguments: [
        (ActionResponse.Answer.declined, "Alfa har avböjt ”Budget” den 22 april 2026."),
        (
            .askedForMoreTime(until: Day(2026, 5, 15)),
            "Alfa har den 22 april 2026 bett om anstånd med ”Budget” till den 15 maj 2026."
        ),
    ])
    func otherAnswersInTheLog(answer: ActionResponse.Answer, text: String) throws {
        let before = try Self.publish(A.registry())
        let after = try Self.publish(A.registry(alfaAnswers: answer), after: before.ledger, now: Self.later)
        #expect(after.changes.map(\.text) == [text])
        #expect(after.changes.map(\.municipalities) == [["alfa"]])
        // Alfa's own wording changed either way.
        let old = try Self.deadline(before, "municipalities/alfa.ics")
        #expect(
            Self.sequence(try Self.deadline(after, "municipalities/alfa.ics"))
                == Self.sequence(old).map { $0 + 1 })
    }

    @Test func theSameDataAgainChangesNothing() throws {
        let before = try Self.publish(A.registry())
        let answered = try Self.publish(
            A.registry(alfaAnswers: .gave("synpunkter")), after: before.ledger, now: Self.later)
        let again = try Self.publish(
            A.registry(alfaAnswers: .gave("synpunkter")), after: answered.ledger,
            now: Self.later.adding(seconds: 3600))
        #expect(again.files.map(\.bytes) == answered.files.map(\.bytes))
        #expect(again.changes == answered.changes)
    }

    @Test func theLedgerReadsBackItsAnswers() throws {
        let publication = try Self.publish(A.registry(alfaAnswers: .gave("synpunkter")))
        let ledger = publication.ledger
        let read = try Ledgers(
            sequences: ledger.events.tsv, revisions: ledger.files.tsv, changes: ledger.changes.tsv,
            seats: ledger.seats.tsv)
        #expect(read == ledger)
        #expect(
            read.events[LedgerKey(uid: Self.uid)]?.state?.answers.map(\.description)
                == ["\(A.request.rawValue) municipality/alfa 2026-04-22 gave"])
    }

    @Test func aFirstOwnWordingContinuesAboveWhatTheFeedShowed() throws {
        // An export from before the decision asked anyone: one wording everywhere.
        let plain = try Self.publish(F.registry().configured(A.publicURL))
        let shared = try #require(Self.sequence(try Self.deadline(plain, "municipalities/alfa.ics")))
        let asked = try Self.publish(A.registry(), after: plain.ledger, now: Self.later)
        #expect(Self.sequence(try Self.deadline(asked, "municipalities/alfa.ics")) == shared + 1)
        #expect(Self.sequence(try Self.deadline(asked, "all.ics")) == shared + 1)
    }

    @Test func aFeedKeepsItsOwnSequenceWhenTheDecisionStopsAsking() throws {
        let asked = try Self.publish(A.registry(alfaAnswers: .gave("synpunkter")))
        let own = try #require(Self.sequence(try Self.deadline(asked, "municipalities/alfa.ics")))
        // The action is taken out again: Alfa's feed shows the shared text, above what it held.
        let plain = try Self.publish(
            F.registry().configured(A.publicURL), after: asked.ledger, now: Self.later)
        let lines = try Self.deadline(plain, "municipalities/alfa.ics")
        #expect(Self.sequence(lines) == own + 1)
        #expect(Self.description(lines) == Self.description(try Self.deadline(plain, "all.ics")))
        #expect(plain.ledger.events[LedgerKey(uid: Self.uid, municipality: "alfa")]?.removed == nil)
    }

    @Test func aCustomFeedOfOneMunicipalityGetsItsWording() throws {
        let publication = try Self.publish(A.registry(alfaAnswers: .gave("synpunkter")))
        let index = try #require(publication.events.firstIndex { $0.origin == .deadline(F.decision) })
        let alfa = publication.encodedEvent(
            at: index, for: FeedSelection(kinds: [.deadline], municipality: F.alfa))
        #expect(String(decoding: alfa.bytes, as: UTF8.self).contains("Alfa har svarat"))
        let all = publication.encodedEvent(at: index, for: FeedSelection(kinds: [.deadline]))
        #expect(all.bytes == publication.encodedEvents[index])
    }
}

extension Registry {
    fileprivate func configured(_ publicURL: String) -> Registry {
        var registry = self
        registry.configure(publicURL: publicURL)
        return registry
    }
}

/// The README's walk-through on the real data: Bjuv gives its power of attorney on
/// 22 April, and only what shows that changes.
@Suite struct BjuvAnswersTests {
    static let letter = Document.ID("bjuv-fullmakt-2026-04-22")

    static func answered() -> Registry {
        var registry = Registry.familjenHelsingborg
        registry.add(
            Document(
                letter, title: "Fullmakt om deltagande och företrädande, Bjuvs kommun", date: Day(2026, 4, 22)
            ))
        registry.add(
            ActionResponse(
                .municipality(.bjuv), to: .scenario3Fullmakt, answer: .gave("fullmakt"), on: Day(2026, 4, 22),
                source: Source(letter)))
        return registry
    }

    @Test func whatSubscribersSee() throws {
        let encoder = try ICalendarEncoder()
        let before = Publication(
            registry: .familjenHelsingborg, previous: Ledgers(), encoder: encoder,
            now: Instant(Day(2026, 4, 20)))
        let after = Publication(
            registry: Self.answered(), previous: before.ledger, encoder: encoder,
            now: Instant(Day(2026, 4, 23), hour: 8))
        let old = Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.bytes) })
        // Among the feeds, exactly those whose text the answer changes: among the personal
        // feeds, Bjuv's director's (Bjuv's wording) and those who read the shared wording
        // (Helsingborg's director, not asked; the secretariat's head); the nine other
        // directors read their own municipality's wording, which the answer leaves alone.
        let changed = after.files.filter { old[$0.path] != $0.bytes }.map(\.path)
            .filter { $0.hasSuffix(".ics") }.sorted()
        #expect(
            changed == [
                // Helsingborg's too: every municipality takes a position, and its feed shows
                // the others' notice.
                "all.ics", "bodies/kommundirektorerna.ics", "deadlines.ics", "municipalities/bjuv.ics",
                "municipalities/helsingborg.ics", "people/agneta-fristedt.ics", "people/anna-kronbert.ics",
                "people/carina-leffler.ics", "people/mikael-johansson.ics",
            ])
        func text(_ path: String) throws -> String {
            String(decoding: try #require(after.files.first { $0.path == path }).bytes, as: UTF8.self)
        }
        #expect(try text("changes/bjuv.atom").contains("Bjuv har anslutit sig till"))
        #expect(try text("changes.atom").contains("Bjuv har anslutit sig till"))
        #expect(try !text("changes/hoganas.atom").contains("Bjuv har anslutit sig till"))
        #expect(
            after.changes.map(\.text) == [
                "Bjuv har anslutit sig till ”Varje kommun tar ställning till scenario 3 (gemensam lärplattform)” "
                    + "den 22 april 2026 (lämnat fullmakt)."
            ])
        let bjuv = String(
            decoding: try #require(after.files.first { $0.path == "municipalities/bjuv.ics" }).bytes,
            as: UTF8.self
        )
        .replacingOccurrences(of: "\r\n ", with: "")
        #expect(bjuv.contains("Bjuv har anslutit sig den 22 april 2026 (lämnat fullmakt)."))
        // Bjuv has given notice: its own copy no longer reminds it of the day.
        #expect(!bjuv.contains("Sista dag i morgon: Varje kommun"))
        let all = String(
            decoding: try #require(after.files.first { $0.path == "all.ics" }).bytes, as: UTF8.self
        )
        .replacingOccurrences(of: "\r\n ", with: "")
        #expect(all.contains("1 av 10 har lämnat besked: Bjuv har anslutit sig."))
    }
}
