import ExportFiles
import Foundation
import Registry
import Testing

@testable import Digest
@testable import RegistryFixtures

/// Who is mailed what, once a week: the content of a digest, who gets none, the state
/// that keeps a week from being sent twice, and a failed delivery tried again.
@Suite struct DigestRunTests {
    typealias P = PersonalFeedFixture

    static let registry = P.registry(toveAlsoForBeta: true)
    static let monday = Instant(Day(2026, 8, 17), hour: 5)

    static func recipients(_ text: String) throws -> RecipientsFile {
        try RecipientsFile(text, path: "recipients.txt", registry: registry)
    }

    static func run(
        _ week: String, state: DigestState? = nil, sendmail: Sendmail? = nil, now: Instant = monday,
        registry: Registry = registry, resend: Bool = false
    )
        throws -> (DigestRun.Report, DigestRun)
    {
        var run = DigestRun(
            registry: registry, week: try #require(Week(week)),
            recipients: try recipients(
                "tove-tell tove@alfa.se\njonna-jonsson jonna@alfa.se\nlisa-lund lisa@alfa.se\n"),
            changes: [], from: "sekretariatet@example.se", now: now)
        run.state = state
        run.sendmail = sendmail
        run.resend = resend
        return (try run.run(for: [P.tove, P.jonna, P.lisa, P.sara]), run)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aDigestHoldsTheTwoWeeksMeetingsWithTimeAndPlaceAndTheirPages() throws {
        let person = try #require(Self.registry[P.tove])
        let content = DigestContent(
            person: person, week: try #require(Week("2026-W34")), registry: Self.registry,
            events: Self.registry.events(), changes: [], since: Self.monday.adding(seconds: -7 * 86_400),
            now: Self.monday, overdueMentioned: [:])
        #expect(
            content.meetings == [
                DigestContent.Item(
                    when: "torsdag 20 augusti 2026 kl. 9.00–11.00", text: "Nätverksmöte",
                    url: "https://kalender.example.se/moten/nat-2026-08-20")
            ])
        #expect(content.deadlines.isEmpty)
        #expect(content.feedURL == "https://kalender.example.se/feeds/people/tove-tell.ics")
        let message = MailMessage(
            content, to: "tove@alfa.se", from: "s@example.se", date: Self.monday, host: "example.se")
        #expect(message.subject == "Familjen Helsingborg vecka 34: 1 möte")
        let text = String(decoding: message.bytes, as: UTF8.self)
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("\r\nAuto-Submitted: auto-generated\r\n"))
        #expect(text.contains("List-Unsubscribe: <mailto:s@example.se?subject=Avsluta%20veckobrev>"))
        #expect(!text.contains("BEGIN:VCALENDAR"), "no calendar attachment")
        // No line past RFC 5322's 998 octets; every body line (quoted-printable) within 76.
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        let body = lines.drop { !$0.hasPrefix("Content-Transfer-Encoding") }
        #expect(!body.isEmpty && body.allSatisfy { $0.utf8.count <= 76 })
        #expect(
            !text.contains("\n\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"),
            "CRLF only")
    }

    @Test func someoneWithNothingInTheTwoWeeksGetsNoMail() throws {
        let (report, _) = try Self.run("2026-W34")
        // Lisa left in February; Sara has no address; Jonna and Tove meet on 20 August.
        #expect(report.nothingToSay == [P.lisa])
        #expect(report.noAddress == [P.sara])
        #expect(report.written.isEmpty && report.sent.isEmpty, "neither --out nor --send")
    }

    @Test func aWeekIsSentOnceAndAFailedDeliveryIsTriedAgain() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mailbox = folder.appendingPathComponent("mailbox").path
        // Refuses Jonna's message, delivers the others.
        let picky = Sendmail(
            command: "msg=$(cat); case \"$msg\" in *'To: <jonna@'*) echo refused >&2; exit 1;; esac; "
                + "printf '%s\\n' \"$msg\" >> '\(mailbox)'")
        let state = try DigestState(directory: folder.appendingPathComponent("state"))
        let (first, firstRun) = try Self.run("2026-W34", state: state, sendmail: picky)
        #expect(first.sent == [P.tove])
        #expect(first.failed.map(\.person) == [P.jonna])
        #expect(first.failed.first?.reason.contains("refused") == true)

        let again = try #require(firstRun.state)
        let (second, secondRun) = try Self.run(
            "2026-W34", state: again, sendmail: Sendmail(command: "cat >> '\(mailbox)'"))
        #expect(second.alreadySent == [P.tove])
        #expect(second.sent == [P.jonna])

        let (third, _) = try Self.run("2026-W34", state: secondRun.state ?? again, sendmail: picky)
        #expect(third.sent.isEmpty && third.failed.isEmpty)
        #expect(third.alreadySent == [P.tove, P.jonna])
        // Read back from the file, the state says the same.
        let reread = try DigestState(directory: folder.appendingPathComponent("state"))
        #expect(reread.sent.map(\.person) == [P.tove, P.jonna])
    }

    @Test func aMessageChangedAfterItWasSentIsNotSentAgainThatWeekUnlessResent() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mailbox = Sendmail(command: "cat >> '\(folder.appendingPathComponent("mailbox").path)'")
        let state = try DigestState(directory: folder)
        let (_, first) = try Self.run("2026-W34", state: state, sendmail: mailbox)
        // Alfa answers: Jonna's and Tove's deadline text changes, but not this week.
        let answered = P.registry(toveAlsoForBeta: true, alfaAnswered: true)
        let (again, second) = try Self.run(
            "2026-W34", state: first.state, sendmail: mailbox, now: Self.monday.adding(seconds: 3600),
            registry: answered)
        #expect(again.sent.isEmpty && again.alreadySent == [P.tove, P.jonna])
        let (resent, _) = try Self.run(
            "2026-W34", state: second.state, sendmail: mailbox, now: Self.monday.adding(seconds: 7200),
            registry: answered, resend: true)
        #expect(resent.sent == [P.tove, P.jonna])
    }

    @Test func anOverdueItemIsRepeatedAtMostEveryFourthWeek() throws {
        // Alfa has not answered what was due on 1 October; Jonna represents Alfa.
        let person = try #require(Self.registry[P.jonna])
        let weeks = (41...49).map { try! #require(Week("2026-W\($0)")) }
        var mentioned: [String: Week] = [:]
        var told: [Int] = []
        for week in weeks {
            let content = DigestContent(
                person: person, week: week, registry: Self.registry, events: Self.registry.events(),
                changes: [],
                since: Instant(week.monday), now: Instant(week.monday, hour: 5), overdueMentioned: mentioned)
            if !content.overdue.isEmpty { told.append(week.number) }
            for key in content.overdueKeys { mentioned[key] = week }
        }
        #expect(told == [41, 45, 49])
    }

    @Test(arguments: [
        ("tove-tell", "recipients.txt:1: error: expected 'SLUG ADDRESS'"),
        ("tove-tell a@b.se extra", "recipients.txt:1: error: expected 'SLUG ADDRESS'"),
        ("nils-holgersson n@b.se", "recipients.txt:1: error: unknown person 'nils-holgersson'"),
        ("hugo-holm h@b.se", "recipients.txt:1: error: 'hugo-holm' has no personal calendar"),
        ("tove-tell tove(at)alfa.se", "recipients.txt:1: error: invalid e-mail address 'tove(at)alfa.se'"),
        ("tove-tell tove@alfa", "recipients.txt:1: error: invalid e-mail address"),
        ("tove-tell tove@-alfa.se", "recipients.txt:1: error: invalid e-mail address"),
        (
            "# a comment\n\ntove-tell t@alfa.se\ntove-tell t2@alfa.se",
            "recipients.txt:4: error: 'tove-tell' is listed twice (first on line 3)"
        ),
    ])
    func aBadRecipientsLineIsNamedByFileAndLine(text: String, message: String) {
        #expect(throws: RecipientsFile.Problems.self) { try Self.recipients(text) }
        do {
            _ = try Self.recipients(text)
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }
}

/// The changes a digest reports: those to the person's events since their last digest,
/// or in the past seven days the first time.
@Suite struct DigestChangesTests {
    typealias P = PersonalFeedFixture

    @Test func onlyTheirEventsChangesSinceTheLastDigestAreReported() throws {
        let registry = P.registry()
        let person = try #require(registry[P.jonna])
        let now = Instant(Day(2026, 8, 17), hour: 5)
        func entry(_ uid: String, daysAgo: Int, _ text: String) -> ChangeEntry {
            ChangeEntry(
                date: now.adding(seconds: -daysAgo * 86_400), uid: uid, kind: .moved,
                municipalities: ["alfa"],
                text: text, url: nil)
        }
        let changes = [
            entry("meeting-nat-2026-08-20@familjenhelsingborg.se", daysAgo: 2, "Nätverksmötet är flyttat."),
            entry("meeting-dir-2026-09-10@familjenhelsingborg.se", daysAgo: 3, "Direktörsmötet är flyttat."),
            entry(
                "meeting-nat-2026-08-20@familjenhelsingborg.se", daysAgo: 9, "Nätverksmötet fick en plats."),
        ]
        let week = try #require(Week("2026-W34"))
        let content = DigestContent(
            person: person, week: week, registry: registry, events: registry.events(), changes: changes,
            since: now.adding(seconds: -7 * 86_400), now: now, overdueMentioned: [:])
        // Jonna is in the network, not among the directors; nine days ago is before the week.
        #expect(content.changes.map(\.text) == ["Nätverksmötet är flyttat."])
    }
}
