extension Registry {
    /// Checks the whole registry against every rule in `Rules.all`.
    ///
    /// Rules read dates from the data only, never the clock, so the same registry always
    /// gives the same diagnostics.
    ///
    /// - Returns: every problem found, sorted by file, line and message.
    public func validate() -> [Diagnostic] {
        Rules.all.flatMap { rule in rule.check(self).map { $0.found(by: rule.name) } }.sorted()
    }

    /// The names of the validator's rules, in the order they run (`unique-ids`, …).
    public static var validationRules: [String] { Rules.all.map(\.name) }

    /// Whether the registry has any error: what an export checks before it writes anything.
    public var hasErrors: Bool { validate().hasErrors }

    /// How many records the registry holds, of every kind.
    public var recordCount: Int {
        documents.count + municipalities.count + people.count + bodies.count + memberships.count
            + appointments.count + meetings.count + decisions.count + actionRequests.count
            + actionResponses.count
    }

    /// The files the records were written in (`Data/People.swift`, …).
    public var sourceFiles: Set<String> {
        var paths: Set<String> = []
        func insert(_ records: [some Record]) { paths.formUnion(records.map(\.location.path)) }
        insert(documents)
        insert(municipalities)
        insert(people)
        insert(bodies)
        insert(memberships)
        insert(appointments)
        insert(meetings)
        insert(decisions)
        insert(actionRequests)
        insert(actionResponses)
        return paths
    }

    /// The one-line summary printed after the diagnostics:
    /// `2 errors, 1 warning in 9 files` or `No problems found in 77 records.`, followed by
    /// how many facts are marked inferred, when any are: `…; 21 facts marked inferred`.
    ///
    /// - Parameter diagnostics: what `validate()` returned for this registry.
    public func validationSummary(of diagnostics: [Diagnostic]) -> String {
        func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        let inferred = inferredCount == 0 ? "" : "; \(counted(inferredCount, "fact")) marked inferred"
        guard !diagnostics.isEmpty else { return "No problems found in \(recordCount) records\(inferred)." }
        var parts: [String] = []
        if diagnostics.errorCount > 0 { parts.append(counted(diagnostics.errorCount, "error")) }
        if diagnostics.warningCount > 0 { parts.append(counted(diagnostics.warningCount, "warning")) }
        return parts.joined(separator: ", ") + " in " + counted(sourceFiles.count, "file") + inferred
    }

    /// The newest document's date: as far as the registry's knowledge reaches, used
    /// instead of a clock to tell past meetings from future ones.
    package var knownUntil: Day? { documents.map(\.date).filter(\.isValid).max() }
}

/// One check over the whole registry.
struct Rule {
    /// A short kebab-case name, for documentation and tests.
    let name: String
    let check: (Registry) -> [Diagnostic]

    init(_ name: String, _ check: @escaping (Registry) -> [Diagnostic]) {
        self.name = name
        self.check = check
    }
}

/// The validator's rules, grouped in files by the kind of record they check.
enum Rules {
    /// Every rule, in the order the files list them.
    static var all: [Rule] {
        identity + sources + text + dates + documents + municipalities + people + bodies + memberships
            + staff + meetings + decisions + actions
    }
}

/// How records are named in messages: `person 'carina-leffler'`.
protocol DescribedRecord: Record {
    /// The kind of record in a message: "person", "meeting".
    static var kindName: String { get }
}

extension DescribedRecord {
    /// `person 'carina-leffler'`.
    var label: String { "\(Self.kindName) '\(id.rawValue)'" }
}

extension Document: DescribedRecord { static var kindName: String { "document" } }
extension Municipality: DescribedRecord { static var kindName: String { "municipality" } }
extension Person: DescribedRecord { static var kindName: String { "person" } }
extension Body: DescribedRecord { static var kindName: String { "body" } }
extension Membership: DescribedRecord { static var kindName: String { "membership" } }
extension StaffAppointment: DescribedRecord { static var kindName: String { "appointment" } }
extension Meeting: DescribedRecord { static var kindName: String { "meeting" } }
extension Decision: DescribedRecord { static var kindName: String { "decision" } }

extension Day {
    /// The first day of the next month, for the half-open range of a whole month.
    var firstOfNextMonth: Day { month == 12 ? Day(year + 1, 1, 1) : Day(year, month + 1, 1) }
}

extension Day? {
    /// True when absent or a real date: rules that compare dates skip impossible ones,
    /// which `valid-dates` already reports.
    var isValidOrAbsent: Bool { self?.isValid ?? true }
}

extension Membership {
    /// Whether the term's dates exist and come in order, so that rules may reason about it.
    /// Other terms are reported by `valid-dates` or `membership-terms-in-order`, once.
    var hasReadableTerm: Bool {
        guard from.isValidOrAbsent, to.isValidOrAbsent else { return false }
        guard let from, let to else { return true }
        return from <= to
    }

    /// Whether the term may cover part of `span`. An unreadable term counts as covering it,
    /// so that its mistake is reported once instead of through every rule that reads it.
    func mayBeInForce(during span: DayRange) -> Bool {
        !hasReadableTerm || term.overlaps(span)
    }
}

extension MeetingTime {
    /// The days the meeting may fall on: its day, or its whole month when only that is known.
    package var span: DayRange {
        switch self {
        case .timed(let day, _, _), .day(let day): DayRange(from: day, to: day.adding(days: 1))
        case .month(let year, let month):
            DayRange(from: Day(year, month, 1), to: Day(year, month, 1).firstOfNextMonth)
        }
    }

    /// "on 2026-04-10", or "in 2025-01" when only the month is known.
    var when: String {
        switch self {
        case .timed(let day, _, _), .day(let day): "on \(day)"
        case .month(let year, let month): "in \(Day.pad(year, 4))-\(Day.pad(month, 2))"
        }
    }

    /// Whether every date in it exists, so rules may compare it.
    var isValidDate: Bool {
        switch self {
        case .timed(let day, _, _), .day(let day): day.isValid
        case .month(let year, let month): Day(year, month, 1).isValid
        }
    }
}

extension Lifecycle {
    /// Whether the body exists (proposed or active, not closed) on `day`.
    func isAlive(on day: Day) -> Bool {
        guard let stage = stage(on: day) else { return false }
        return stage != .closed
    }

    /// Why a body is not alive on `day`, for messages: "is closed (since 2026-01-01)".
    func whyNotAlive(on day: Day) -> String {
        if stage(on: day) == .closed {
            return "is closed" + (closed?.day.map { " (since \($0))" } ?? "")
        }
        let first = milestones.first?.start.day.map { " (its first stage is on \($0))" } ?? ""
        return "does not exist yet\(first)"
    }
}
