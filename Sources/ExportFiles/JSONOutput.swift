import Foundation

/// JSON as every command and export writes it: keys sorted, pretty-printed, slashes
/// unescaped, empty arrays and objects written `[]` and `{}`, and a trailing newline, so
/// the same value always gives the same bytes.
public enum JSONOutput {
    /// The JSON text of `value`.
    ///
    /// The result types encode only strings, integers, booleans, arrays and objects, so
    /// encoding cannot fail.
    ///
    /// - Parameters:
    ///   - value: What to encode.
    ///   - snakeCaseKeys: Write `parentID` as `parent_id`, as Popolo does. `PopoloExport.json`
    ///     writes Popolo without `Codable`; its tests hold it to this form byte for byte.
    public static func string(_ value: some Encodable, snakeCaseKeys: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        let data = try! encoder.encode(value)
        var bytes = data.withUnsafeBytes { collapsingEmptyContainers(utf8: $0.bindMemory(to: UInt8.self)) }
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Foundation pretty-prints an empty array as `[`, a blank line and `]` on Linux:
    /// write `[]` (and `{}`) instead, the same on every platform. Only whitespace outside
    /// strings between an opening and its closing bracket is removed.
    ///
    /// Works on the UTF-8 bytes: every byte JSON's syntax uses is ASCII, and no byte of a
    /// multi-byte character is, so nothing inside a string is mistaken for syntax.
    package static func collapsingEmptyContainers(_ json: String) -> String {
        var json = json
        return json.withUTF8 { String(decoding: collapsingEmptyContainers(utf8: $0), as: UTF8.self) }
    }

    package static func collapsingEmptyContainers(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            result.append(byte)
            index += 1
            if inString {
                if byte == backslash && index < bytes.count {
                    result.append(bytes[index])
                    index += 1
                } else if byte == quote {
                    inString = false
                }
            } else if byte == quote {
                inString = true
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                var next = index
                while next < bytes.count && isWhitespace(bytes[next]) { next += 1 }
                let closer = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if next < bytes.count && bytes[next] == closer {
                    result.append(closer)
                    index = next + 1
                }
            }
        }
        return result
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\r")
    }
}
