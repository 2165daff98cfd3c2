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
// Acting ("tf") roles take `acting: true`. Two people sharing one role on purpose take
// `shared: true` on both, or the validator reports the overlap.

public import Registry

extension Role {
    public static let secretary = Role(key: "secretary", title: "sekreterare")
}

extension Registry {
    mutating func addMemberships() {
        let attendance = Source(.minutes20260410)
        add(Membership(.carinaLeffler, in: .directors, as: .director, for: .helsingborg, source: attendance))
        add(Membership(.hermanCrespin, in: .directors, as: .director, for: .hoganas, source: attendance))
        add(Membership(.elinAsk, in: .directors, as: .director, for: .angelholm, source: attendance))
        add(Membership(.jonasJonsson, in: .directors, as: .director, for: .bastad, source: attendance))
        add(Membership(.ardianaDemjaha, in: .directors, as: .director, for: .orkelljunga, source: attendance))
        add(Membership(.tomasRikse, in: .directors, as: .director, for: .klippan, source: attendance))
        add(Membership(.christerPalsson, in: .directors, as: .director, for: .astorp, source: attendance))
        add(Membership(.agnetaFristedt, in: .directors, as: .director, for: .bjuv, source: attendance))
        add(Membership(.asaSimonsson, in: .directors, as: .director, for: .svalov, source: attendance))
        add(
            Membership(
                .pernillaAnderberg, in: .directors, as: .director, for: .landskrona, source: attendance))
        add(Membership(.marieAppelqvist, in: .directors, as: .director, for: .perstorp, source: attendance))

        // The minutes list Mikael Johansson for the secretariat and carry his address; the
        // secretariat's report (item 4) is given by the acting head of the secretariat.
        add(
            Membership(
                .mikaelJohansson, in: .secretariat, as: .secretariatHead, acting: true,
                source: Source(.minutes20260410, item: "4")))
        add(Membership(.mikaelJohansson, in: .directors, as: .secretary, source: attendance))

        add(
            Membership(
                .annaKronbert, in: .staffTrainingGroup, as: .member, for: .helsingborg,
                source: Source(.minutes20260410, item: "2")))
        add(
            Membership(
                .karlLundberg, in: .staffTrainingGroup, as: .member, for: .angelholm,
                source: Source(.minutes20260410, item: "2")))
        add(
            Membership(
                .brittNymberg, in: .energyWorkingGroup, as: .member,
                source: Source(.minutes20260410, item: "3")))
    }
}
