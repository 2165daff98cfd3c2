import Registry

/// Records written as the Swift statements `Data/` holds (`add(Person(.annaSvensson, …))`),
/// referring to other records by their declared names. The statements come out on one
/// line each, long strings split with `+`; `DataEditor` then lets the toolchain's
/// `swift format` lay them out, so they read as if typed by hand.
public struct SwiftSource {
    public var names: SwiftNames

    public init(names: SwiftNames) {
        self.names = names
    }

    /// The declaration of a new ID: `public static let annaSvensson = Person.ID("anna-svensson")`.
    public mutating func declaration(raw: String, type: String) -> String {
        let name = names.declare(raw, type: type, preferred: SwiftSource.preferredName(raw, type: type))
        return "public static let \(name) = \(type).ID(\(SwiftSource.literal(raw)))"
    }

    /// The names staff use: `minutes20260410`, `directors20260410`, `annaSvensson`.
    static func preferredName(_ raw: String, type: String) -> String {
        let digits = raw.filter(\.isNumber)
        switch type {
        case "Document" where raw.hasPrefix("kdm-") && raw.count <= 14: return "minutes" + digits
        case "Meeting" where raw.hasPrefix("kdm-") && raw.count <= 14: return "directors" + digits
        case "Decision", "ActionRequest":
            // kdm-2026-05-22-2-1 gives decision20260522Item2B; kdm-2025-01-effektfragan
            // gives decision202501Effektfragan.
            let prefix = type == "Decision" ? "decision" : "request"
            let parts = raw.split(separator: "-").map(String.init).filter { $0 != "kdm" }
            let date = parts.prefix { $0.allSatisfy(\.isNumber) && $0.count >= 2 }
            var rest = Array(parts.dropFirst(date.count))
            if let item = rest.first, Int(item) != nil {
                rest[0] = "Item" + item
                if rest.count > 1, let part = Int(rest[1]), (1...26).contains(part) {
                    rest[1] = String(UnicodeScalar(UInt8(64 + part)))
                }
            }
            let words = rest.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            return prefix + date.joined() + words.joined()
        default: return SwiftNames.camelCase(raw)
        }
    }

    /// `.annaSvensson`: the declared name of an ID of `type`.
    func ref(_ raw: String, _ type: String) -> String {
        "." + (names.name(of: raw, type: type) ?? SwiftNames.camelCase(raw))
    }

    /// A string literal; a long one split at spaces into pieces joined with `+`.
    static func literal(_ text: String) -> String {
        let escaped = text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        guard escaped.count > 72 else { return "\"\(escaped)\"" }
        var pieces: [String] = []
        var current = ""
        for word in escaped.split(separator: " ", omittingEmptySubsequences: false) {
            if current.count + word.count > 70, !current.isEmpty {
                pieces.append(current + " ")
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        pieces.append(current)
        return pieces.map { "\"\($0)\"" }.joined(separator: "\n+ ")
    }

    static func day(_ day: Day) -> String { "Day(\(day.year), \(day.month), \(day.day))" }

    static func time(_ time: LocalTime) -> String {
        time.minute == 0 ? "LocalTime(\(time.hour))" : "LocalTime(\(time.hour), \(time.minute))"
    }

    func source(_ source: Source) -> String {
        let document = ref(source.document.rawValue, "Document")
        guard let item = source.item else { return "Source(\(document))" }
        return "Source(\(document), item: \(SwiftSource.literal(item)))"
    }

    static func inferred(_ marks: [Inferred]) -> String? {
        guard !marks.isEmpty else { return nil }
        let items = marks.map { "Inferred(\(literal($0.field)), because: \(literal($0.reason)))" }
        return "inferred: [\(items.joined(separator: ", "))]"
    }

    static func call(_ type: String, _ arguments: [String?]) -> String {
        "\(type)(\(arguments.compactMap { $0 }.joined(separator: ", ")))"
    }

    /// The role's declared name: `.director`, `.secretary`.
    static func role(_ role: Role) -> String {
        switch role.key {
        case "secretariat-head": ".secretariatHead"
        default: "." + SwiftNames.camelCase(role.key)
        }
    }
}
