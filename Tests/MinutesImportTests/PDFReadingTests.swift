import Foundation
import MinutesImport
import Registry
import RegistryData
import Testing

/// Minutes as a PDF with a text layer, made from the text during the test and read back
/// through `pdftotext`, draft what the text drafts; a PDF with no text layer is refused.
struct PDFReadingTests {
    static func write(_ data: Data) throws -> String {
        let path = NSTemporaryDirectory() + "minutes-\(UUID().uuidString).pdf"
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aPDFMadeFromTheTextDraftsWhatTheTextDrafts() throws {
        let text = Fixture.text("kdm-2026-05-22.txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let path = try Self.write(
            PDFMaker.pdf(lines: lines, heading: "Kommundirektörmöte i Familjen Helsingborg"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try MinutesFile.read(path)
        let registry = Registry.familjenHelsingborg
        let fromPDF = Drafter.plan(MinutesParser.parse(MinutesText(read)), registry: registry)
        let fromText = Drafter.plan(MinutesParser.parse(MinutesText(text)), registry: registry)
        #expect(fromPDF.drafts.count == fromText.drafts.count)
        #expect(fromPDF.drafts.map(\.summary) == fromText.drafts.map(\.summary))
        #expect(fromPDF.parsed.notUnderstood.map(\.text) == fromText.parsed.notUnderstood.map(\.text))
    }

    @Test func aPDFWithoutTextIsRefusedWithAReason() throws {
        let path = try Self.write(PDFMaker.pdf(lines: []))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try MinutesFile.read(path)
        } throws: { error in
            (error as? MinutesFileError)?.description.contains("inget textlager") == true
        }
    }
}
