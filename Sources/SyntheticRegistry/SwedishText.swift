/// Word lists for synthetic records: names, places and the matters a collaboration of
/// municipalities in north-west Skåne deals with. Plain Swedish, with å, ä and ö.
enum SwedishText {
    /// The eleven members of Familjen Helsingborg: (name, official name).
    static let municipalities: [(String, String)] = [
        ("Helsingborg", "Helsingborgs stad"), ("Höganäs", "Höganäs kommun"),
        ("Ängelholm", "Ängelholms kommun"), ("Båstad", "Båstads kommun"),
        ("Örkelljunga", "Örkelljunga kommun"), ("Klippan", "Klippans kommun"),
        ("Åstorp", "Åstorps kommun"), ("Bjuv", "Bjuvs kommun"), ("Svalöv", "Svalövs kommun"),
        ("Landskrona", "Landskrona stad"), ("Perstorp", "Perstorps kommun"),
    ]

    /// Halves of made-up place names for municipalities beyond the eleven.
    static let placePrefixes = [
        "Norr", "Söder", "Väster", "Öster", "Ek", "Björk", "Al", "Hög", "Lång", "Sjö", "Å", "Ljung",
        "Ask", "Rönne", "Kulla", "Hälle", "Mölle", "Tors", "Vall", "Fager",
    ]
    static let placeSuffixes = [
        "köping", "by", "holm", "näs", "åsa", "torp", "ryd", "hult", "sjö", "lunda", "arp", "stad",
        "backa", "ängen", "vik",
    ]

    static let firstNames = [
        "Anna", "Eva", "Maria", "Karin", "Sara", "Kristina", "Lena", "Emma", "Kerstin", "Ingrid",
        "Malin", "Sofia", "Åsa", "Linnéa", "Agneta", "Britt", "Elin", "Pernilla", "Märta", "Ebba",
        "Lars", "Mikael", "Anders", "Johan", "Erik", "Per", "Karl", "Peter", "Jonas", "Mats",
        "Björn", "Göran", "Håkan", "Teodor", "Tomas", "Christer", "Jörgen", "Måns", "Örjan", "Zeynep",
        "Ardiana", "Herman", "Ali", "Amira", "Noah", "Ella", "Hugo", "Alice", "Olle", "Signe",
    ]

    static let lastNames = [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
        "Svensson", "Gustafsson", "Pettersson", "Jönsson", "Jansson", "Hansson", "Bengtsson",
        "Lindberg", "Lundberg", "Lindström", "Åberg", "Sjöberg", "Öberg", "Hellström", "Ström",
        "Ekström", "Nyström", "Holmqvist", "Appelqvist", "Pålsson", "Mårtensson", "Björk",
        "Fristedt", "Nymberg", "Kronbert", "Simonsson", "Anderberg", "Rikse", "Leffler", "Widén",
        "Demjaha", "Crespín", "Håkansson", "Löfgren", "Dahlén", "Åkesson", "Ask", "Falk",
    ]

    /// Matters for networks, working groups and agenda items.
    static let topics = [
        "kompetensförsörjning", "el- och effektförsörjning", "digitalisering", "personalutbildning",
        "upphandling", "klimatanpassning", "näringslivsutveckling", "kollektivtrafik",
        "vatten och avlopp", "räddningstjänst", "besöksnäring", "integration och arbetsmarknad",
        "socialtjänstens IT-stöd", "vuxenutbildning", "överförmyndarverksamhet", "kustskydd",
        "livsmedelskontroll", "bredband på landsbygden", "folkhälsa", "krisberedskap",
        "energieffektivisering", "gemensam lärplattform", "löneadministration", "arkiv och e-arkiv",
        "cykelinfrastruktur", "bostadsförsörjning", "ungdomars sommarjobb", "externa medel",
        "marknadsföring av regionen", "informationssäkerhet",
    ]

    static let bodyPrefixes = [
        "Nätverket för", "Arbetsgruppen för", "Styrgruppen för", "Referensgruppen för",
        "Samverkansgruppen för",
    ]

    static let roleTitles = [
        "samordnare", "projektledare", "utredare", "administratör", "kommunikatör",
        "controller", "verksamhetsutvecklare", "analytiker", "HR-specialist", "energistrateg",
    ]

    /// Meeting places in north-west Skåne.
    static let places = [
        "Mindpark, Helsingborg", "Dunkers kulturhus, Helsingborg", "Rådhuset, Helsingborg",
        "Stadshuset, Landskrona", "Citadellet, Landskrona", "Kommunhuset, Bjuv",
        "Kommunhuset, Åstorp", "Rådhuset, Ängelholm", "Kommunhuset, Båstad", "Kulturhuset, Höganäs",
        "Kommunhuset, Svalöv", "Kommunhuset, Klippan", "Kommunhuset, Perstorp",
        "Kommunhuset, Örkelljunga", "Tornlyckeskolan, Åstorp", "Söderåsens nationalpark, Ljungbyhed",
        "Kullagymnasiet, Höganäs", "Hotell Skansen, Båstad", "Fredriksdal, Helsingborg",
    ]

    static let openingItems = ["Mötets öppnande", "Mötets öppnande och incheckning", "Föregående protokoll"]
    static let closingItems = ["Övriga frågor", "Mötet avslutas", "Nästa möte"]

    static let itemForms = [
        "Lägesrapport: %", "Redovisning av arbetet med %", "Förslag om gemensam satsning på %",
        "Remiss om %", "Uppföljning: %", "Information från sekretariatet om %",
        "Budget och verksamhetsplan för %",
    ]

    /// Decision texts; `%` is a topic, `@` a body or person who must act.
    static let decisionForms = [
        "Att uppdra åt @ att ta fram ett förslag om %; förslaget redovisas vid nästa möte.",
        "Att tacka för informationen om %.",
        "Att varje kommun själv tar ställning till förslaget om %, och meddelar sekretariatet sitt beslut.",
        "Att @ får i uppdrag att, tillsammans med berörda förvaltningar, utreda %.",
        "Att ställa sig bakom inriktningen för %; @ återkommer med en tidplan.",
        "Att frågan om % bordläggs till nästa möte.",
    ]

    /// Sentences for the occasional long text, modelled on minutes' summaries.
    static let longSentences = [
        "Arbetsgruppen har tagit fram fyra scenarier, från att fortsätta som idag med elva separata lösningar till full integrering och gemensam förvaltning.",
        "Samverkan ska komplettera, inte överlappa, det regionala arbetet; dialog förs med Region Skåne och Skånes kommuner.",
        "Kostnaden fördelas efter invånarantal, med en grundavgift för de mindre kommunerna.",
        "Helsingborgs stad upphandlar och övriga kommuner erbjuds option utan förpliktelser, förutsatt fullmakt om deltagande och företrädande.",
        "HR-cheferna är välinformerade och tar kontakt med respektive kommundirektör.",
        "Frågan har beretts i nätverket sedan förra året; synpunkter från Båstad, Örkelljunga och Åstorp har arbetats in.",
        "Sekretariatet sammanställer underlaget och skickar det till kommunerna senast två veckor före mötet.",
    ]
}
