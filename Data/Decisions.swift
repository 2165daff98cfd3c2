// Decisions: what a meeting decided under an agenda item, who must act, and by when.
// A decision with a `deadline:` becomes an all-day event in the deadlines feed.
//
//     public static let budget2027 = Decision.ID("kdm-2026-09-04-budget")
//
//     add(Decision(.budget2027, at: .directors20260904, item: 3,
//                  title: "Budgetförslag 2027",
//                  text: "Att sekretariatet tar fram ett budgetförslag till nästa möte.",
//                  deadline: Day(2026, 10, 15), actors: [.body(.secretariat)],
//                  source: Source(.minutes20260904, item: "3")))
//
// `actors:` can name people (.person), bodies (.body), one municipality
// (.municipality) or `.everyMunicipality`. Write `text:` as the minutes word it; a fact
// the minutes do not state (a deadline read from elsewhere in the item, who holds a
// post the minutes name only by title) gets `inferred: [Inferred("deadline", because: "…")]`.
//
// When a decision asks named municipalities or bodies to do something by a day, add an
// action after it; their answers go in Responses.swift, and `samverkan actions` shows
// who has not answered:
//
//     public static let budget2027Answers = ActionRequest.ID("kdm-2026-09-04-budget-svar")
//
//     add(ActionRequest(.budget2027Answers, of: .budget2027,
//                       asked: [.municipality(.bjuv), .municipality(.klippan)],
//                       what: "lämna synpunkter på budgetförslaget", by: Day(2026, 10, 15),
//                       source: Source(.minutes20260904, item: "3")))
//
// `asked: .everyMunicipality` asks all eleven without listing them. When the decision
// offers something that each may take up (and nobody is late for not doing so), add
// `kind: .offer`: feeds and pages then speak of notice given ("besked"), not of answers due.

public import Registry

extension Decision.ID {
    public static let energyDialog2025 = Decision.ID("kdm-2025-01-effektfragan")
    public static let scenario2 = Decision.ID("kdm-2026-04-10-scenario-2")
    public static let scenario3 = Decision.ID("kdm-2026-04-10-scenario-3")
    public static let scenario4 = Decision.ID("kdm-2026-04-10-scenario-4")
    public static let energyNetworkProposal = Decision.ID("kdm-2026-04-10-energinatverk")
    public static let secretariatReport = Decision.ID("kdm-2026-04-10-sekretariatet")
    public static let marketingFilm = Decision.ID("kdm-2026-04-10-marknadsforingsfilm")
}

extension ActionRequest.ID {
    public static let scenario3Fullmakt = ActionRequest.ID("kdm-2026-04-10-scenario-3-fullmakt")
}

extension Registry {
    mutating func addDecisions() {
        add(
            Decision(
                .energyDialog2025, at: .directors202501, item: 1,
                title: "Dialog om samverkan inom energiområdet",
                text:
                    "Att uppdra till sekretariatschef att tillsammans med Helsingborgs stad inleda dialog "
                    + "med övriga kommuner om möjlig samverkan inom området.",
                actors: [.body(.secretariat), .municipality(.helsingborg)],
                source: Source(.minutes20260410, item: "3"),
                inferred: [
                    Inferred("item", because: "Protokollet säger ”under punkten” men inte punktens nummer."),
                    Inferred(
                        "actors",
                        because: "Protokollet uppdrar åt sekretariatschefen; registret anger sekretariatet."),
                ]))

        add(
            Decision(
                .scenario2, at: .directors20260410, item: 2,
                title: "Arbetsgruppen arbetar vidare med scenario 2",
                text: "Att vi ger arbetsgruppen i uppdrag att arbeta vidare med scenario/förslag 2.",
                actors: [.body(.staffTrainingGroup)], source: Source(.minutes20260410, item: "2")))
        // Scenario 3: each municipality takes its own position. Helsingborg procures the
        // platform; the others are offered an option without obligation and can join if
        // they sign a power of attorney by 30 April: an offer, answered with notice, never
        // overdue.
        add(
            Decision(
                .scenario3, at: .directors20260410, item: 2,
                title: "Varje kommun tar ställning till scenario 3 (gemensam lärplattform)",
                text:
                    "Att varje kommun själv tar ställning till scenario/förslag 3 (HR-cheferna är "
                    + "välinformerade och kommer ta kontakt med respektive kommundirektör).",
                deadline: Day(2026, 4, 30), actors: [.everyMunicipality],
                source: Source(.minutes20260410, item: "2"),
                inferred: [
                    Inferred(
                        "deadline",
                        because:
                            "Datumet står i beskrivningen av scenario 3 (fullmakt senast 30/4), inte i beslutet."
                    )
                ]))
        add(
            ActionRequest(
                .scenario3Fullmakt, of: .scenario3, asked: otherThanHelsingborg.map { .municipality($0) },
                what: "ansluta till den gemensamma lärplattformen genom att teckna fullmakt om deltagande "
                    + "och företrädande",
                by: Day(2026, 4, 30), kind: .offer, source: Source(.minutes20260410, item: "2")))
        add(
            Decision(
                .scenario4, at: .directors20260410, item: 2,
                title: "Scenario 4 tas upp för beslut längre fram",
                text: "Att scenario/förslag 4 tas upp för beslut längre fram i tiden.",
                actors: [.body(.directors)], source: Source(.minutes20260410, item: "2")))

        add(
            Decision(
                .energyNetworkProposal, at: .directors20260410, item: 3,
                title: "Förslag på syfte för ett eventuellt nytt nätverk inom energiområdet",
                text:
                    "Att kommundirektörerna tar upp frågan kring ett eventuellt nytt nätverk den 22 maj. "
                    + "Till dess tar Britt Nymberg och arbetsgruppen fram ett förslag på syfte för nätverket.",
                deadline: Day(2026, 5, 22), actors: [.person(.brittNymberg), .body(.energyWorkingGroup)],
                source: Source(.minutes20260410, item: "3")))

        add(
            Decision(
                .secretariatReport, at: .directors20260410, item: 4,
                title: "Tack för informationen", text: "Att tacka för informationen.",
                source: Source(.minutes20260410, item: "4")))

        add(
            Decision(
                .marketingFilm, at: .directors20260410, item: 5,
                title: "Förslag till Marknadsföreningen om marknadsföringsfilm",
                text: "Att tf sekretariatschefen får uppdraget att föreslå detta för Marknadsföreningen.",
                actors: [.person(.mikaelJohansson)], source: Source(.minutes20260410, item: "5"),
                inferred: [
                    Inferred(
                        "actors",
                        because:
                            "Beslutet säger ”tf sekretariatschefen”; att det är Mikael Johansson är registrets tolkning."
                    )
                ]))
    }

    /// The municipalities scenario 3 asks for a power of attorney: all but Helsingborg,
    /// which procures the platform ("övriga kommuner").
    private var otherThanHelsingborg: [Municipality.ID] {
        [
            .hoganas, .angelholm, .bastad, .orkelljunga, .klippan, .astorp, .bjuv, .svalov, .landskrona,
            .perstorp,
        ]
    }
}
