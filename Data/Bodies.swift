// Bodies: the directors' group, the secretariat, networks, working groups and the
// outside organisations the minutes mention. An outside organisation (`kind: .external`)
// has a page but no calendar of its own: its old feed address answers with an empty
// calendar that says where to subscribe instead.
//
// Renamed a body's ID after it was published? Keep the old one in `formerSlugs:`, and
// its old feed and page addresses redirect to the new ones.
//
// To add a network that has been proposed but not yet started:
//
//     public static let mobilityNetwork = Body.ID("mobilitetsnatverket")
//
//     add(Body(.mobilityNetwork, name: "Mobilitetsnätverket", kind: .network,
//              lifecycle: Lifecycle(proposed: .on(Day(2026, 9, 1))), parent: .directors,
//              source: Source(.minutes20260901, item: "5")))
//
// When it starts, add `active: .on(Day(…))` to its lifecycle; when it ends, `closed:`
// (`samverkan add body-status`). Each such day is an event among the start dates, in the
// body's own feed and in the feeds of the municipalities with a seat in it.
// Use `.established` for a body that was already active before the registry began.
// The ID is the slug in feed addresses (bodies/mobilitetsnatverket.ics).
//
// Name a body in the source's own words. When the source gives it no name ("en löst
// sammansatt grupp") and the registry needs one, say so, and readers see "(tolkning)" after it:
//
//     inferred: [Inferred("name", because: "Protokollet säger ”ett formellt nätverk”.")]

public import Registry

extension Body.ID {
    public static let directors = Body.ID("kommundirektorerna")
    public static let secretariat = Body.ID("sekretariatet")
    /// Published as `hr-chefsnatverket` until the minutes' own word replaced it; the old
    /// address redirects here (`formerSlugs`).
    public static let hrNetwork = Body.ID("hr-cheferna")
    public static let staffTrainingGroup = Body.ID("arbetsgruppen-personalutbildning")
    public static let energyWorkingGroup = Body.ID("arbetsgruppen-effektfragan")
    public static let energyNetwork = Body.ID("energinatverket")

    public static let eon = Body.ID("eon")
    public static let oresundskraft = Body.ID("oresundskraft")
    public static let powerCommission = Body.ID("skanes-effektkommission")
    public static let marketingAssociation = Body.ID("marknadsforeningen")
}

extension Registry {
    mutating func addBodies() {
        add(
            Body(
                .directors, name: "Kommundirektörerna", kind: .directorsGroup, lifecycle: .established,
                purpose: "Kommundirektörerna i Familjen Helsingborgs elva kommuner.",
                source: Source(.minutes20260410)))
        add(
            Body(
                .secretariat, name: "Sekretariatet", kind: .secretariat, lifecycle: .established,
                parent: .directors, source: Source(.minutes20260410, item: "4")))
        add(
            Body(
                .hrNetwork, name: "HR-cheferna", kind: .network, lifecycle: .established,
                parent: .directors,
                purpose:
                    "HR-cheferna är välinformerade om scenario 3 och tar kontakt med respektive kommundirektör.",
                source: Source(.minutes20260410, item: "2"),
                inferred: [
                    Inferred("kind", because: "Protokollet säger ”HR-cheferna”, inte att de är ett nätverk."),
                    Inferred(
                        "parent",
                        because: "Protokollet säger inte att HR-cheferna hör till kommundirektörerna."),
                ], formerSlugs: ["hr-chefsnatverket"]))
        add(
            Body(
                .staffTrainingGroup, name: "Arbetsgruppen för personalutbildning", kind: .workingGroup,
                lifecycle: .established, parent: .directors,
                purpose:
                    "Potentialutredningen, område 3: Stärkt samverkan personalutbildning. "
                    + "Har tagit fram fyra scenarier för hur kommunerna kan samverka.",
                source: Source(.minutes20260410, item: "2"),
                inferred: [
                    Inferred(
                        "name",
                        because:
                            "Protokollet säger ”Arbetsgruppen” under punkt 2 (potentialutredningen, område 3)."
                    )
                ]))
        add(
            Body(
                .energyWorkingGroup, name: "Arbetsgruppen för effektfrågan", kind: .workingGroup,
                lifecycle: .established, parent: .directors,
                purpose:
                    "En löst sammansatt grupp som har arbetat med effektfrågan. Gruppen och Britt Nymberg "
                    + "tar fram ett förslag på syfte för ett eventuellt nytt nätverk till den 22 maj 2026.",
                source: Source(.minutes20260410, item: "3"),
                inferred: [
                    Inferred(
                        "name",
                        because:
                            "Protokollet säger ”en löst sammansatt grupp” och ”arbetsgruppen” (punkt 3)."),
                    Inferred(
                        "parent", because: "Protokollet säger inte att gruppen hör till kommundirektörerna."),
                ]))
        add(
            Body(
                .energyNetwork, name: "Energinätverket", kind: .network,
                lifecycle: Lifecycle(proposed: .on(Day(2026, 4, 10))), parent: .directors,
                purpose:
                    "Ett eventuellt formellt nätverk i Familjen Helsingborgs regi som gruppen bakom "
                    + "effektfrågan önskar starta. Kommundirektörerna tar upp frågan den 22 maj 2026.",
                source: Source(.minutes20260410, item: "3"),
                inferred: [
                    Inferred(
                        "name",
                        because:
                            "Protokollet säger ”ett formellt nätverk” och ”ett eventuellt nytt nätverk”."),
                    Inferred(
                        "parent",
                        because:
                            "Protokollet säger ”i Familjen Helsingborgs regi”, inte under kommundirektörerna."
                    ),
                ]))

        add(
            Body(
                .eon, name: "E.ON", kind: .external, lifecycle: .established,
                purpose: "Elnätsbolag vars nätutvecklingsplaner redovisades för kommundirektörerna.",
                source: Source(.minutes20260410, item: "3")))
        add(
            Body(
                .oresundskraft, name: "Öresundskraft", kind: .external, lifecycle: .established,
                purpose: "Elnätsbolag vars nätutvecklingsplaner redovisades för kommundirektörerna.",
                source: Source(.minutes20260410, item: "3")))
        add(
            Body(
                .powerCommission, name: "Skånes effektkommission", kind: .external, lifecycle: .established,
                purpose:
                    "En eventuell samverkan inom Familjen Helsingborg på energiområdet överlappar inte det "
                    + "arbete som sker i Skånes effektkommission utan kommer att komplettera det.",
                source: Source(.minutes20260410, item: "3")))
        add(
            Body(
                .marketingAssociation, name: "Marknadsföreningen", kind: .external, lifecycle: .established,
                purpose: "Vill göra en marknadsföringsfilm inför Näringslivsgalan i oktober.",
                source: Source(.minutes20260410, item: "5")))
    }
}
