import ExportFiles
import Foundation
import HTTPTypes
import HummingbirdCore
import NIOCore
import Registry
import RegistryData
import RegistryServer
import Testing

/// `/api/actions` and `/api/decisions/ID` answer with the CLI's `--json`.
@Suite struct ActionsAPITests {
    static let registry = Registry.familjenHelsingborg

    @Test(arguments: [
        (
            "/api/actions?on=2026-12-04",
            JSONOutput.string(OpenActionsResult(registry, on: Day(2026, 12, 4), municipality: nil))
        ),
        (
            "/api/actions?municipality=bjuv",
            JSONOutput.string(
                OpenActionsResult(registry, on: testDay, municipality: registry[Municipality.ID.bjuv]))
        ),
        (
            "/api/decisions/kdm-2026-04-10-scenario-3?on=2026-05-01",
            JSONOutput.string(
                DecisionResult(
                    registry.followUp(of: registry[Decision.ID.scenario3]!, on: Day(2026, 5, 1)), in: registry
                ))
        ),
    ])
    func routesAnswerWithTheCLIsJSON(uri: String, expected: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(response.body.text)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.body.text == expected)
            }
        }
    }

    /// Scenario 3 is an offer: nobody is overdue, on the day or after it.
    @Test func anOfferIsNeverOverdue() async throws {
        try await makeApplication().test(.inProcess) { client in
            for (day, overdue) in [("2026-04-30", 0), ("2026-05-01", 0)] {
                try await client.execute(
                    uri: "/api/decisions/kdm-2026-04-10-scenario-3?on=\(day)", method: .get
                ) {
                    response in
                    let result = try JSONDecoder().decode(
                        DecisionResult.self, from: Data(response.body.bytes))
                    #expect(result.actions.first?.overdue == overdue)
                    #expect(result.actions.first?.asked == 10)
                    #expect(result.actions.first?.answered == 0)
                }
            }
        }
    }

    @Test(arguments: [
        ("/api/decisions/nosuch", HTTPResponse.Status.notFound, "no decision 'nosuch'"),
        ("/api/actions?municipality=lund", .notFound, "no municipality 'lund'"),
        ("/api/actions?when=2026-04-10", .badRequest, "Tillåtna: on, municipality"),
    ])
    func badQuestionsGetAPlainAnswer(uri: String, status: HTTPResponse.Status, message: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == status, "\(uri)")
                #expect(response.body.text.contains(message), "\(uri): \(response.body.text)")
            }
        }
    }
}
