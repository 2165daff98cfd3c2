import Foundation

/// JSON as every command and export writes it: keys sorted, pretty-printed, slashes
/// unescaped, and a trailing newline, so the same value always gives the same bytes.
public enum JSONOutput {
    /// The JSON text of `value`.
    ///
    /// The result types encode only strings, integers, booleans, arrays and objects, so
    /// encoding cannot fail.
    /// - Parameters:
    ///   - value: What to encode.
    ///   - snakeCaseKeys: Write `parentID` as `parent_id`, as Popolo does.
    public static func string(_ value: some Encodable, snakeCaseKeys: Bool = false) -> String {
        let encoder = JSONEncoder()
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
