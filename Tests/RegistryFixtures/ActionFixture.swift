import Registry

/// The validation fixture with a decision that asks both its municipalities to act by
/// 30 April, and the answers the tests add to it: the feeds, pages and change log of a
/// decision followed up, before and after an answer.
enum ActionFixture {
    typealias F = ValidationFixture

    static let request = ActionRequest.ID("decision-2026-04-10-budget-svar")
    static let deadline = Day(2026, 4, 30)
    static let letter = Document.ID("alfa-brev-2026-04-22")
    static let answerDay = Day(2026, 4, 22)
    static let publicURL = "https://kalender.example.se"

    /// Nobody has answered yet.
    static func registry() -> Registry {
        var r = F.registry()
        r.configure(publicURL: publicURL)
        r.add(
            ActionRequest(
                request, of: F.decision, asked: [.municipality(F.alfa), .municipality(F.beta)],
                what: "lämna synpunkter på budgeten", by: deadline, source: Source(F.minutes, item: "1")))
        r.add(Document(letter, title: "Brev från Alfa", date: answerDay))
        return r
    }

    /// Alfa has answered as `answer` on 22 April, in its letter.
    static func registry(alfaAnswers answer: ActionResponse.Answer) -> Registry {
        var r = registry()
        r.add(
            ActionResponse(
                .municipality(F.alfa), to: request, answer: answer, on: answerDay, source: Source(letter)))
        return r
    }
}
