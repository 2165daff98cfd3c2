import Registry
import Testing

@testable import RegistryFixtures

/// A response as the export's ledger records it reads back as itself, and malformed
/// text reads as nothing.
@Suite struct ResponseRecordTests {
    static let answers: [ActionResponse.Answer] = [
        .gave("synpunkter"), .declined, .askedForMoreTime(until: Day(2026, 5, 15)),
    ]

    @Test(arguments: answers)
    func aResponseReadsBackFromItsText(answer: ActionResponse.Answer) throws {
        let registry = ActionFixture.registry(alfaAnswers: answer)
        let response = try #require(registry.actionResponses.first)
        let record = ResponseRecord(response)
        #expect(ResponseRecord(record.description) == record)
        #expect(record.party == response.party)
        #expect(record.on == response.on)
        #expect(registry.responseRecords(of: ValidationFixture.decision) == [record])
    }

    @Test(arguments: [
        ("r municipality/alfa 2026-04-22 gave", ResponseRecord.Answer.gave),
        ("r body/sekretariatet 2026-04-22 declined", .declined),
        (
            "r municipality/alfa 2026-04-22 asked-for-more-time:2026-05-15",
            .askedForMoreTime(until: Day(2026, 5, 15))
        ),
    ])
    func aRecordsTextNamesItsParts(text: String, answer: ResponseRecord.Answer) throws {
        let record = try #require(ResponseRecord(text))
        #expect(record.request == ActionRequest.ID("r"))
        #expect(record.answer == answer)
        #expect(record.description == text)
    }

    @Test(arguments: [
        "", "r municipality/alfa 2026-04-22", "r town/alfa 2026-04-22 gave",
        "r municipality/alfa 22 april gave",
        "r municipality/alfa 2026-04-22 accepted", "r municipality/alfa 2026-04-22 asked-for-more-time:soon",
    ])
    func aMalformedRecordReadsAsNothing(text: String) {
        #expect(ResponseRecord(text) == nil)
    }
}
