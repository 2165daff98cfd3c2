import Foundation

/// A PDF made from lines of text, for reading back through `pdftotext`: one page per 60
/// lines, Helvetica in WinAnsiEncoding (which holds å, ä, ö and é), the heading repeated at
/// the top of each page as printed minutes do. With no lines, a page with only a filled
/// square: a PDF without a text layer, like a scan.
enum PDFMaker {
    static func pdf(lines: [String], heading: String? = nil) -> Data {
        var pages: [String] = []
        var chunk: [String] = []
        for line in lines {
            chunk.append(line)
            if chunk.count == 60 {
                pages.append(content(chunk))
                chunk = heading.map { [$0] } ?? []
            }
        }
        if !chunk.isEmpty || pages.isEmpty {
            pages.append(lines.isEmpty ? "0 0 1 rg 100 500 200 200 re f" : content(chunk))
        }
        return document(pages)
    }

    /// A page's content stream: each line on its own baseline.
    static func content(_ lines: [String]) -> String {
        var stream = "BT /F1 9 Tf 11 TL 40 800 Td\n"
        for line in lines { stream += "(\(escaped(line))) Tj T*\n" }
        return stream + "ET"
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
            .replacingOccurrences(of: ")", with: "\\)")
    }

    /// WinAnsi bytes: Latin-1 for most, the en dash at 0x96, anything else as "?".
    static func winAnsi(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            if scalar == "\u{2013}" { return 0x96 }
            if scalar == "\u{201D}" { return 0x94 }
            return scalar.value < 256 ? UInt8(scalar.value) : UInt8(ascii: "?")
        }
    }

    static func document(_ pages: [String]) -> Data {
        let pageIDs = pages.indices.map { 4 + 2 * $0 }
        var objects: [Int: [UInt8]] = [
            1: Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            2: Array(
                "<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>"
                    .utf8),
            3: Array(
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
        ]
        for (index, page) in pages.enumerated() {
            let stream = winAnsi(page)
            objects[pageIDs[index]] = Array(
                ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1400 842] /Resources << /Font << /F1 3 0 R >> >> "
                    + "/Contents \(pageIDs[index] + 1) 0 R >>").utf8)
            objects[pageIDs[index] + 1] =
                Array("<< /Length \(stream.count) >>\nstream\n".utf8) + stream + Array("\nendstream".utf8)
        }
        var bytes = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for id in 1...objects.count {
            offsets.append(bytes.count)
            bytes += Array("\(id) 0 obj\n".utf8) + objects[id]! + Array("\nendobj\n".utf8)
        }
        let xref = bytes.count
        bytes += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            bytes += Array(
                (String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n").utf8)
        }
        bytes += Array(
            "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(bytes)
    }
}
