// Documents: the minutes, notices and letters the registry's facts come from.
// Every other record cites one of these with `source: Source(.theDocument, item: "3")`.
//
// To add a document, declare its ID and add a record (the date is when it was issued):
//
//     public static let minutes20260522 = Document.ID("kdm-2026-05-22")
//
//     add(Document(.minutes20260522, title: "Kommundirektörmöte i Familjen Helsingborg",
//                  date: Day(2026, 5, 22)))
//
// The title is the document's own heading, as printed.
//
// When you change a fact (a meeting moves, a start date changes), cite the newer
// document that says so. Calendars date the change by the export that first published it
// (LAST-MODIFIED), never earlier than the cited document's date.

public import Registry

extension Document.ID {
    public static let minutes20260410 = Document.ID("kdm-2026-04-10")
}

extension Registry {
    mutating func addDocuments() {
        add(
            Document(
                .minutes20260410,
                title: "Kommundirektörmöte i Familjen Helsingborg",
                date: Day(2026, 4, 10)))
    }
}
