// Staff: appointments to posts, with the day the person starts. Each start date is an
// all-day event in the start-dates calendar feed.
//
// A new coordinator in the secretariat who starts on 1 June (declare the person in
// People.swift first):
//
//     add(StaffAppointment(.annaSvensson, in: .secretariat, title: "samordnare",
//                          starts: Day(2026, 6, 1), source: Source(.minutes20260522, item: "4")))
//
// A start date the minutes give without a year, or only as "i juni", is written with the
// day the registry reads and marked: `inferred: [Inferred("starts", because: "…")]`.

import Registry

extension Registry {
    mutating func addStaff() {
        add(
            StaffAppointment(
                .teodorIsaksson, in: .secretariat,
                title: "samordnare för projektet att ta hem mer externa medel",
                starts: Day(2026, 5, 1), source: Source(.minutes20260410, item: "4"),
                inferred: [
                    Inferred(
                        "body",
                        because:
                            "Protokollet nämner tjänsten under punkten ”Rapport från sekretariatet” men säger inte att den finns i sekretariatet."
                    )
                ]))
        add(
            StaffAppointment(
                .sofiaAnderssonWiden, in: .secretariat, title: "administratör med ansvar för webben",
                starts: Day(2026, 4, 20), source: Source(.minutes20260410, item: "4"),
                inferred: [
                    Inferred(
                        "body",
                        because:
                            "Protokollet nämner tjänsten under punkten ”Rapport från sekretariatet” men säger inte att den finns i sekretariatet."
                    )
                ]))
    }
}
