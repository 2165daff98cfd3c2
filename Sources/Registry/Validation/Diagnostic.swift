/// A problem the validator found in the registry, located at the record that has it.
///
/// `description` uses the form compilers print, which editors and CI logs turn into
/// links: `Data/Memberships.swift:25: error: …`.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How bad a problem is: errors stop an export, warnings only inform.
    public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
        case warning
        case error

        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String
    /// The name of the rule that found the problem (`no-overlapping-terms`); see
    /// `Registry.validationRules`.
    public let rule: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, rule: String = "") {
        self.severity = severity
        self.location = location
        self.message = message
        self.rule = rule
    }

    /// The same diagnostic, credited to `rule`.
    func found(by rule: String) -> Diagnostic { Diagnostic(severity, at: location, message, rule: rule) }

    static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `Data/People.swift:42: error: message`.
    public var description: String { "\(location.path):\(location.line): \(severity.rawValue): \(message)" }

    /// Ordered by file, line and message, so the same data always prints the same report.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location.path, a.location.line, a.message, a.severity.rawValue)
            < (b.location.path, b.location.line, b.message, b.severity.rawValue)
    }
}

extension Sequence<Diagnostic> {
    /// How many diagnostics are errors.
    public var errorCount: Int { count { $0.severity == .error } }

    /// How many diagnostics are warnings.
    public var warningCount: Int { count { $0.severity == .warning } }

    /// Whether any diagnostic is an error: an export must not go ahead.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
