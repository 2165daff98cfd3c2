import Foundation

/// Why a file could not be read as minutes, in words for the person importing it.
public struct MinutesFileError: Error, CustomStringConvertible {
    public let description: String
}

/// Reads a file of minutes as text: plain text as it is, a PDF through poppler's
/// `pdftotext` (Debian `poppler-utils`, installed by `scripts/setup.sh`). A PDF with no
/// text layer (a scan) is refused: this tool does no OCR.
public enum MinutesFile {
    public static func read(_ path: String) throws(MinutesFileError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MinutesFileError(description: "\(path): filen finns inte eller kan inte läsas")
        }
        let text: String
        if data.starts(with: Array("%PDF".utf8)) {
            text = try pdfText(path)
            if text.allSatisfy({ $0.isWhitespace }) {
                throw MinutesFileError(
                    description:
                        "\(path): PDF-filen har inget textlager (en inskannad bild?). Verktyget läser "
                        + "inte bilder; skriv av protokollet som text, eller be om en PDF med text.")
            }
        } else {
            guard
                let decoded = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1)
            else {
                throw MinutesFileError(description: "\(path): filen är varken text eller PDF")
            }
            text = decoded
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw MinutesFileError(description: "\(path): filen är tom")
        }
        return text
    }

    /// The text of a PDF, page by page in reading order.
    static func pdfText(_ path: String) throws(MinutesFileError) -> String {
        let run = Tool.run(["pdftotext", "-enc", "UTF-8", path, "-"], separateErrors: true)
        guard run.status == 0 else {
            let hint =
                run.status == 127
                ? "pdftotext saknas; installera poppler-utils (scripts/setup.sh)"
                : run.errors.trimmingCharacters()
            throw MinutesFileError(description: "\(path): PDF-filen kunde inte läsas: \(hint)")
        }
        return run.output
    }
}
