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
    ///   - snakeCaseKeys: Write `parentID` as `parent_id`, as Popolo does.
    public static func string(_ value: some Encodable, snakeCaseKeys: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        let data = try! encoder.encode(value)
        return collapsingEmptyContainers(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// Foundation pretty-prints an empty array as `[`, a blank line and `]` on Linux:
    /// write `[]` (and `{}`) instead, the same on every platform. Only whitespace outside
    /// strings between an opening and its closing bracket is removed.
    package static func collapsingEmptyContainers(_ json: String) -> String {
        let characters = Array(json)
        var result = ""
        result.reserveCapacity(characters.count)
        var index = 0
        var inString = false
        while index < characters.count {
            let character = characters[index]
            result.append(character)
            index += 1
            if inString {
                if character == "\\" && index < characters.count {
                    result.append(characters[index])
                    index += 1
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "\"" {
                inString = true
            } else if character == "[" || character == "{" {
                var next = index
                while next < characters.count && characters[next].isWhitespace { next += 1 }
                let closer: Character = character == "[" ? "]" : "}"
                if next < characters.count && characters[next] == closer {
                    result.append(closer)
                    index = next + 1
                }
            }
        }
        return result
    }
}
