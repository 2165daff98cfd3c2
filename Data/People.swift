// People: everyone the registry names. What they do lives in Memberships.swift and
// Staff.swift; this file only says who they are.
//
// To add a person, declare an ID (lower-case, hyphens) and add a record:
//
//     public static let annaSvensson = Person.ID("anna-svensson")
//
//     add(Person(.annaSvensson, name: "Anna Svensson", source: Source(.minutes20260522, item: "4")))
//
// `phone:` and `note:` are for the secretariat only and never published; wrap them as
// `phone: Internal("070-…")`. Only put an e-mail address here if it is already public.
//
// Everyone with a membership or staff appointment gets a personal calendar feed
// (`people/SLUG.ics`) and a page. For someone who does not want their schedule published,
// add `schedulePublished: false`:
//
//     add(Person(.annaSvensson, name: "Anna Svensson", schedulePublished: false, source: …))

public import Registry

extension Person.ID {
    // Municipal directors (kommundirektörer).
    public static let carinaLeffler = Person.ID("carina-leffler")
    public static let hermanCrespin = Person.ID("herman-crespin")
    public static let elinAsk = Person.ID("elin-ask")
    public static let jonasJonsson = Person.ID("jonas-jonsson")
    public static let ardianaDemjaha = Person.ID("ardiana-demjaha")
    public static let tomasRikse = Person.ID("tomas-rikse")
    public static let christerPalsson = Person.ID("christer-palsson")
    public static let agnetaFristedt = Person.ID("agneta-fristedt")
    public static let asaSimonsson = Person.ID("asa-simonsson")
    public static let pernillaAnderberg = Person.ID("pernilla-anderberg")
    public static let marieAppelqvist = Person.ID("marie-appelqvist")

    // The secretariat.
    public static let mikaelJohansson = Person.ID("mikael-johansson")
    public static let teodorIsaksson = Person.ID("teodor-isaksson")
    public static let sofiaAnderssonWiden = Person.ID("sofia-andersson-widen")

    // Presenters and working groups.
    public static let annaKronbert = Person.ID("anna-kronbert")
    public static let karlLundberg = Person.ID("karl-lundberg")
    public static let brittNymberg = Person.ID("britt-nymberg")
}

extension Registry {
    mutating func addPeople() {
        let attendance = Source(.minutes20260410)
        add(Person(.carinaLeffler, name: "Carina Leffler", source: attendance))
        // Spelt with an accent in the minutes; search finds "Crespin" too.
        add(Person(.hermanCrespin, name: "Herman Crespín", source: attendance))
        add(Person(.elinAsk, name: "Elin Ask", source: attendance))
        add(Person(.jonasJonsson, name: "Jonas Jönsson", source: attendance))
        add(Person(.ardianaDemjaha, name: "Ardiana Demjaha", source: attendance))
        add(Person(.tomasRikse, name: "Tomas Rikse", source: attendance))
        add(Person(.christerPalsson, name: "Christer Pålsson", source: attendance))
        add(Person(.agnetaFristedt, name: "Agneta Fristedt", source: attendance))
        add(Person(.asaSimonsson, name: "Åsa Simonsson", source: attendance))
        add(Person(.pernillaAnderberg, name: "Pernilla Anderberg", source: attendance))
        add(Person(.marieAppelqvist, name: "Marie Appelqvist", source: attendance))

        add(
            Person(
                .mikaelJohansson, name: "Mikael Johansson", email: "mikael.johansson4@helsingborg.se",
                source: attendance))
        add(Person(.teodorIsaksson, name: "Teodor Isaksson", source: Source(.minutes20260410, item: "4")))
        add(
            Person(
                .sofiaAnderssonWiden, name: "Sofia Andersson Widen",
                source: Source(.minutes20260410, item: "4")))

        // As the OCR text of the minutes spells it; "Kronbert" may be an OCR slip for
        // "Kronberg". Keep it until a document settles it (the ID is published either way).
        add(Person(.annaKronbert, name: "Anna Kronbert", source: Source(.minutes20260410, item: "2")))
        add(Person(.karlLundberg, name: "Karl Lundberg", source: Source(.minutes20260410, item: "2")))
        add(Person(.brittNymberg, name: "Britt Nymberg", source: Source(.minutes20260410, item: "3")))
    }
}
