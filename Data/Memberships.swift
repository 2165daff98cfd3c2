// Memberships: who sits in which body, in which role, for which municipality, and when.
//
// A membership is in force from `from:` (that day included) to `to:` (that day not
// included). Leave `from:` out when it began before the registry's records.
//
// A new director for Bjuv from 1 September, with the old one leaving the day before:
//
//     add(Membership(.agnetaFristedt, in: .directors, as: .director, for: .bjuv,
//                    to: Day(2026, 9, 1), source: Source(.minutes20260410)))
//     add(Membership(.newDirector, in: .directors, as: .director, for: .bjuv,
//                    from: Day(2026, 9, 1), source: Source(.minutes20260522, item: "4")))
//
// The roles a membership can take are listed in Roles.swift. Acting ("tf") roles take `acting: true`. Two people sharing one role on purpose take
// `shared: true` on both, or the validator reports the overlap.
//
// When the source does not say the role (the minutes give no titles) or the seat itself
// (a presenter of a group's work), mark it, and readers see "kommundirektör (tolkning)":
//
//     inferred: [Inferred("role", because: "Protokollet anger inga titlar.")]

import Registry

extension Registry {
    mutating func addMemberships() {
        let attendance = Source(.minutes20260410)
        // The minutes list each person for a municipality at the directors' meeting, and
        // give no titles.
        let noTitle = [
            Inferred(
                "role",
                because:
                    "Protokollet anger inga titlar; personen är listad för kommunen vid kommundirektörmötet.")
        ]
        add(
            Membership(
                .carinaLeffler, in: .directors, as: .director, for: .helsingborg, source: attendance,
                inferred: noTitle))
        add(
            Membership(
                .hermanCrespin, in: .directors, as: .director, for: .hoganas, source: attendance,
                inferred: noTitle))
        add(
            Membership(
                .elinAsk, in: .directors, as: .director, for: .angelholm, source: attendance,
                inferred: noTitle))
        add(
            Membership(
                .jonasJonsson, in: .directors, as: .director, for: .bastad, source: attendance,
                inferred: noTitle))
        add(
            Membership(
                .ardianaDemjaha, in: .directors, as: .director, for: .orkelljunga, source: attendance,
                inferred: noTitle))
        add(
            Membership(
                .tomasRikse, in: .directors, as: .director, for: .klippan, source: attendance,
                inferred: noTitle))
        add(
            Membership(
                .christerPalsson, in: .directors, as: .director, for: .astorp, source: attendance,
                inferred: noTitle))
        add(
            Membership(
                .agnetaFristedt, in: .directors, as: .director, for: .bjuv, source: attendance,
                inferred: noTitle))
        add(
            Membership(
                .asaSimonsson, in: .directors, as: .director, for: .svalov, source: attendance,
                inferred: noTitle))
        add(
            Membership(
                .pernillaAnderberg, in: .directors, as: .director, for: .landskrona, source: attendance,
                inferred: noTitle))
        add(
            Membership(
                .marieAppelqvist, in: .directors, as: .director, for: .perstorp, source: attendance,
                inferred: noTitle))

        // The minutes list Mikael Johansson for the secretariat and carry his address; the
        // secretariat's report (item 4) is given by an acting head of the secretariat whom
        // they do not name.
        add(
            Membership(
                .mikaelJohansson, in: .secretariat, as: .secretariatHead, acting: true,
                source: Source(.minutes20260410, item: "4"),
                inferred: [
                    Inferred(
                        "role",
                        because:
                            "Protokollet nämner en tf sekretariatschef men inte vem; han är listad för sekretariatet."
                    )
                ]))
        add(
            Membership(
                .mikaelJohansson, in: .directors, as: .secretary, source: attendance,
                inferred: [
                    Inferred(
                        "role",
                        because: "Protokollet anger ingen sekreterare; hans adress står överst i protokollet."
                    )
                ]))

        // The minutes name presenters, not members: that they speak for the working group
        // is the registry's reading of the item.
        add(
            Membership(
                .annaKronbert, in: .staffTrainingGroup, as: .presenter, for: .helsingborg,
                source: Source(.minutes20260410, item: "2"),
                inferred: [
                    Inferred("body", because: "Föredragande under punkt 2, där ”Arbetsgruppen” redovisade.")
                ]))
        add(
            Membership(
                .karlLundberg, in: .staffTrainingGroup, as: .presenter, for: .angelholm,
                source: Source(.minutes20260410, item: "2"),
                inferred: [
                    Inferred("body", because: "Föredragande under punkt 2, där ”Arbetsgruppen” redovisade.")
                ]))
        add(
            Membership(
                .brittNymberg, in: .energyWorkingGroup, as: .presenter,
                source: Source(.minutes20260410, item: "3"),
                inferred: [
                    Inferred(
                        "body",
                        because: "Redovisade arbetet under punkt 3; tar fram förslaget ”och arbetsgruppen”."
                    )
                ]))
    }
}
