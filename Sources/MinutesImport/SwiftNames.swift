/// The names `Data/` declares for record IDs (`public static let bjuv = Municipality.ID("bjuv")`),
/// read from the source text, so that drafted records refer to records by the names staff
/// already use, and new names never collide with old ones.
public struct SwiftNames: Sendable {
    /// Per ID type ("Person", "ActionRequest"), raw ID to Swift name.
    private var names: [String: [String: String]] = [:]
    /// Every Swift name declared, of any type.
    private var taken: Set<String> = []

    public init(sources: [String]) {
        for source in sources {
            for line in source.split(separator: "\n") {
                guard let (name, type, raw) = SwiftNames.declaration(line) else { continue }
                names[type, default: [:]][raw] = names[type]?[raw] ?? name
                taken.insert(name)
            }
        }
    }

    /// `    public static let bjuv = Municipality.ID("bjuv")` as (bjuv, Municipality, bjuv).
    static func declaration(_ line: Substring) -> (String, String, String)? {
        var rest = line.drop(while: { $0 == " " })
        for prefix in ["public ", "static ", "let "] {
            guard rest.hasPrefix(prefix) else { return nil }
            rest = rest.dropFirst(prefix.count)
        }
        let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
        rest = rest.dropFirst(name.count)
        guard rest.hasPrefix(" = ") else { return nil }
        rest = rest.dropFirst(3)
        guard let dot = rest.firstIndex(of: ".") else { return nil }
        let type = rest[..<dot]
        rest = rest[dot...]
        guard rest.hasPrefix(".ID(\""), let close = rest.dropFirst(5).firstIndex(of: "\"") else { return nil }
        let raw = rest[rest.index(rest.startIndex, offsetBy: 5)..<close]
        return (String(name), String(type), String(raw))
    }

    /// The Swift name of an ID of `type`, when `Data/` declares one.
    public func name(of raw: String, type: String) -> String? { names[type]?[raw] }

    /// Declares a new name for `raw`: lower camel case of its words, with a number added
    /// when the name is taken.
    public mutating func declare(_ raw: String, type: String, preferred: String? = nil) -> String {
        if let existing = name(of: raw, type: type) { return existing }
        let base = preferred ?? SwiftNames.camelCase(raw)
        var candidate = base
        var counter = 2
        while taken.contains(candidate) || SwiftNames.keywords.contains(candidate) {
            candidate = "\(base)\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        names[type, default: [:]][raw] = candidate
        return candidate
    }

    /// "kdm-2026-04-10-scenario-3" gives "kdm20260410Scenario3"; a leading digit gets a prefix.
    static func camelCase(_ raw: String) -> String {
        var result = ""
        var upper = false
        for character in raw {
            guard character.isASCII, character.isLetter || character.isNumber else {
                upper = !result.isEmpty
                continue
            }
            if upper, character.isLetter {
                result += character.uppercased()
            } else {
                result.append(character)
            }
            upper = false
        }
        if result.first?.isNumber ?? true { result = "id" + result }
        return result
    }

    static let keywords: Set<String> = [
        "default", "case", "class", "func", "let", "var", "in", "is", "as", "self",
    ]
}
