// Municipalities: the eleven members of Familjen Helsingborg.
//
// To add one, declare its ID and add a record:
//
//     public static let lund = Municipality.ID("lund")
//
//     add(Municipality(.lund, name: "Lund", officialName: "Lunds kommun",
//                      source: Source(.minutes20260522)))
//
// The feed address comes from the name, in lower-case ASCII without å/ä/ö
// ("Ängelholm" gives municipalities/angelholm.ics); keep the ID the same word.

public import Registry

extension Municipality.ID {
    public static let helsingborg = Municipality.ID("helsingborg")
    public static let hoganas = Municipality.ID("hoganas")
    public static let angelholm = Municipality.ID("angelholm")
    public static let bastad = Municipality.ID("bastad")
    public static let orkelljunga = Municipality.ID("orkelljunga")
    public static let klippan = Municipality.ID("klippan")
    public static let astorp = Municipality.ID("astorp")
    public static let bjuv = Municipality.ID("bjuv")
    public static let svalov = Municipality.ID("svalov")
    public static let landskrona = Municipality.ID("landskrona")
    public static let perstorp = Municipality.ID("perstorp")
}

extension Registry {
    mutating func addMunicipalities() {
        let minutes = Source(.minutes20260410)
        add(
            Municipality(
                .helsingborg, name: "Helsingborg", officialName: "Helsingborgs stad",
                aliases: ["Helsingborg stad"], source: minutes))
        add(Municipality(.hoganas, name: "Höganäs", officialName: "Höganäs kommun", source: minutes))
        add(Municipality(.angelholm, name: "Ängelholm", officialName: "Ängelholms kommun", source: minutes))
        add(Municipality(.bastad, name: "Båstad", officialName: "Båstads kommun", source: minutes))
        add(
            Municipality(
                .orkelljunga, name: "Örkelljunga", officialName: "Örkelljunga kommun", source: minutes))
        add(Municipality(.klippan, name: "Klippan", officialName: "Klippans kommun", source: minutes))
        // The OCR text of the minutes truncates this name to "Åstor".
        add(Municipality(.astorp, name: "Åstorp", officialName: "Åstorps kommun", source: minutes))
        add(Municipality(.bjuv, name: "Bjuv", officialName: "Bjuvs kommun", source: minutes))
        add(Municipality(.svalov, name: "Svalöv", officialName: "Svalövs kommun", source: minutes))
        add(Municipality(.landskrona, name: "Landskrona", officialName: "Landskrona stad", source: minutes))
        add(Municipality(.perstorp, name: "Perstorp", officialName: "Perstorps kommun", source: minutes))
    }
}
