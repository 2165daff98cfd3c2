/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text: lines end in CRLF, none longer than
/// 76 characters (a soft break `=` ends a longer one), `=` and every byte outside
/// printable ASCII written as `=XX`, and a space or tab at a line's end encoded too.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            encodeLine(Array(line.utf8))
        }.joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var lines: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let last = index == bytes.count - 1
            let plain =
                (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 32 || byte == 9) && !last)
            let piece = plain ? String(UnicodeScalar(byte)) : escape(byte)
            // Room for the soft break's `=`: 75 characters of text at most.
            if current.count + piece.count > 75 {
                lines.append(current + "=")
                current = ""
            }
            current += piece
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    private static func escape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }
}
