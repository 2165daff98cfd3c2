import Foundation

/// Foundation's `JSONEncoder` in the layout `JSONWriter` promises: the independent oracle
/// the one JSON writer is held to, byte for byte.
enum FoundationJSON {
    static func string(_ value: some Encodable, snakeCaseKeys: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        return collapsingEmptyContainers(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
    }

    /// Foundation pretty-prints an empty array as `[`, a blank line and `]` on Linux; the
    /// writer writes `[]` (and `{}`). Only whitespace outside strings between an opening
    /// and its closing bracket is removed; every byte JSON's syntax uses is ASCII, so
    /// nothing inside a multi-byte character is mistaken for syntax.
    static func collapsingEmptyContainers(_ json: String) -> String {
        let bytes = Array(json.utf8)
        var result: [UInt8] = []
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            result.append(byte)
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\") && index < bytes.count {
                    result.append(bytes[index])
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                var next = index
                while next < bytes.count && [0x20, 0x0A, 0x09, 0x0D].contains(bytes[next]) { next += 1 }
                let closer = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if next < bytes.count && bytes[next] == closer {
                    result.append(closer)
                    index = next + 1
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
