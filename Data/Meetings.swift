// Meetings: when and where a body meets, who came, and what was on the agenda.
//
// A meeting whose time is known (Europe/Stockholm):
//
//     public static let directors20260904 = Meeting.ID("kdm-2026-09-04")
//
//     add(Meeting(.directors20260904, of: .directors, title: "Kommundirektörsmöte",
//                 time: .timed(Day(2026, 9, 4), from: LocalTime(8, 30), to: LocalTime(10, 30)),
//                 place: "Mindpark, Helsingborg", remote: "Teams",
//                 source: Source(.minutes20260522, item: "6")))
//
// Only the day known yet? Use `time: .day(Day(2026, 9, 4))`. Moved? Change the time and
// cite the notice that moved it. Cancelled? Keep the record and add `status: .cancelled`,
// so calendars show it as cancelled instead of silently dropping it. Never reuse an ID.
//
// When the minutes of a meeting held as a placeholder (`time: .day(…)`, no attendance)
// arrive, replace that one record in place: keep its ID (the calendar event's UID, so
// subscribers see the same event updated), and give it the time, place, attendance and
// agenda the minutes record, citing them. `samverkan minutes import` does exactly this.

public import Registry

extension Meeting.ID {
    public static let directors202501 = Meeting.ID("kdm-2025-01")
    public static let directors20260410 = Meeting.ID("kdm-2026-04-10")
    public static let directors20260522 = Meeting.ID("kdm-2026-05-22")
}

extension Registry {
    mutating func addMeetings() {
        add(
            Meeting(
                .directors202501, of: .directors, title: "Kommundirektörsmöte",
                time: .month(year: 2025, month: 1),
                agenda: [
                    AgendaItem(
                        1, "Effektfrågan",
                        summary:
                            "Kommundirektörerna fick en lägesbild, inspel från omvärlden samt tankar på hur "
                            + "kommunerna kan möta kommande utmaning tillsammans. Nätutvecklingsplaner från "
                            + "elnätsbolag som E.ON och Öresundskraft visar att inom ett par år kommer flera av "
                            + "kommunerna att vara i ett läge med ansträngd el- och effektförsörjning, vilket "
                            + "begränsar och försvårar näringslivets utveckling och samhällets omställning. "
                            + "Exempel presenterades på hur andra samverkat för att möta utmaningen och vända "
                            + "utvecklingen.")
                ],
                source: Source(.minutes20260410, item: "3"),
                inferred: [
                    Inferred(
                        "agenda",
                        because:
                            "Protokollet 2026-04-10 säger ”under punkten”; punktens nummer och rubrik är registrets."
                    )
                ]))

        add(
            Meeting(
                .directors20260410, of: .directors, title: "Kommundirektörsmöte",
                time: .timed(Day(2026, 4, 10), from: LocalTime(8, 30), to: LocalTime(10, 30)),
                place: "Mindpark, Helsingborg", remote: "Teams",
                attendance: [
                    Attendance(.jonasJonsson, for: .bastad, .present),
                    Attendance(.pernillaAnderberg, for: .landskrona, .present),
                    Attendance(.tomasRikse, for: .klippan, .remote),
                    Attendance(.ardianaDemjaha, for: .orkelljunga, .remote),
                    Attendance(.mikaelJohansson, .present),
                    Attendance(.elinAsk, for: .angelholm, .present),
                    Attendance(.agnetaFristedt, for: .bjuv, .remote),
                    Attendance(.asaSimonsson, for: .svalov, .remote),
                    Attendance(.marieAppelqvist, for: .perstorp, .absent),
                    Attendance(.christerPalsson, for: .astorp, .absent),
                    Attendance(.hermanCrespin, for: .hoganas, .absent),
                    Attendance(.carinaLeffler, for: .helsingborg, .absent),
                ],
                agenda: [
                    AgendaItem(1, "Mötets öppnande och incheckning"),
                    AgendaItem(
                        2,
                        "Potentialutredningen: redovisning av område 3 ”Stärkt samverkan personalutbildning”",
                        summary:
                            "Arbetsgruppen har tagit fram fyra scenarier. 1: Fortsätta som idag med elva "
                            + "separata lösningar. 2: Strukturerad innehållsdelning genom nätverkssamverkan "
                            + "och viss samordnad kravställning vid inköp. 3: Gemensam plattform: Helsingborgs "
                            + "stad upphandlar en lärplattform (LMS) och övriga kommuner erbjuds option utan "
                            + "förpliktelser, förutsatt fullmakt om deltagande och företrädande senast "
                            + "2026-04-30. 4: Full integrering och gemensam förvaltning: ett gemensamt upphandlat "
                            + "system med lokala avtal och tillhörande arbetssätt för harmoniserade processer "
                            + "(likt HR-service center), med interkommunal samverkan i en gemensam "
                            + "förvaltningsorganisation.",
                        presenters: [.annaKronbert, .karlLundberg]),
                    AgendaItem(
                        3, "Effektfrågan",
                        summary:
                            "Britt Nymberg redovisade hur arbetet har gått; en löst sammansatt grupp har "
                            + "arbetat med frågan och önskar starta ett formellt nätverk i Familjen Helsingborgs "
                            + "regi. En eventuell samverkan inom energiområdet överlappar inte det arbete som "
                            + "sker i Skånes effektkommission utan kommer att komplettera det.",
                        presenters: [.brittNymberg]),
                    AgendaItem(
                        4, "Rapport från sekretariatet",
                        summary:
                            "Tf sekretariatschefen berättade att Teodor Isaksson, ny samordnare för projektet "
                            + "att ta hem mer externa medel, börjar sin tjänst den 1 maj och att Sofia "
                            + "Andersson Widen, ny administratör med ansvar för webben, börjar den 20 april."),
                    AgendaItem(
                        5, "Övriga frågor",
                        summary:
                            "Marknadsföreningen vill göra en film inför Näringslivsgalan i oktober, temat "
                            + "är ”Tillväxt tillsammans”. I stället för att kommundirektörerna frontar "
                            + "föreslås en film med bilder från de elva kommunerna, landmärken som alla känner "
                            + "igen, och en berättarröst. Möjligen kan man använda näringslivsföreträdare i "
                            + "filmen också."),
                    AgendaItem(6, "Mötet avslutas"),
                ],
                source: Source(.minutes20260410)))

        add(
            Meeting(
                .directors20260522, of: .directors, title: "Kommundirektörsmöte",
                time: .day(Day(2026, 5, 22)),
                agenda: [
                    AgendaItem(
                        1, "Eventuellt nytt nätverk inom energiområdet",
                        summary:
                            "Britt Nymberg och arbetsgruppen lägger fram ett förslag på syfte för nätverket.",
                        presenters: [.brittNymberg])
                ],
                source: Source(.minutes20260410, item: "3"),
                inferred: [
                    Inferred(
                        "agenda",
                        because: "Protokollet säger bara att kommundirektörerna tar upp frågan den 22 maj.")
                ]))
    }
}
