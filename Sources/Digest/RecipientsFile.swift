public import Registry

/// Who receives the digest, at which address: a file kept outside the repository, one
/// line per person (`agneta-fristedt agneta.fristedt@bjuv.se`), `#` for comments. The
/// addresses go only into the messages: never into `Exports/`, the pages or the API.
public struct RecipientsFile: Sendable {
    /// Each person's address, in the file's order.
    public let entries: [(person: Person.ID, address: String)]

    /// What is wrong with a recipients file: every bad line, as `FILE:LINE: error: …`.
    public struct Problems: Error, CustomStringConvertible {
        public let lines: [String]
        public var description: String { lines.joined(separator: "\n") }
    }

    /// Reads `text` (the file at `path`, named in messages). A malformed line, a person the
    /// registry has no personal calendar for, an invalid address or a person listed twice
    /// is an error; all are reported together.
    public init(_ text: String, path: String, registry: Registry) throws(Problems) {
        var entries: [(person: Person.ID, address: String)] = []
        var problems: [String] = []
        var seen: [Person.ID: Int] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: " \t\r")
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            func problem(_ message: String) { problems.append("\(path):\(number): error: \(message)") }
            guard fields.count == 2 else {
                problem(
                    "expected 'SLUG ADDRESS' (a person's ID and one e-mail address), found \(fields.count) field(s)"
                )
                continue
            }
            let person = Person.ID(String(fields[0]))
            let address = String(fields[1])
            if registry[person] == nil {
                problem("unknown person '\(fields[0])'")
            } else if !registry.hasPersonalSchedule(person) {
                problem("'\(fields[0])' has no personal calendar (no seat, or schedule not published)")
            } else if !Self.isValidAddress(address) {
                problem("invalid e-mail address '\(address)' for '\(fields[0])'")
            } else if let first = seen[person] {
                problem("'\(fields[0])' is listed twice (first on line \(first))")
            } else {
                seen[person] = number
                entries.append((person, address))
            }
        }
        guard problems.isEmpty else { throw Problems(lines: problems) }
        self.entries = entries
    }

    /// The address of `person`, if the file lists them.
    public func address(of person: Person.ID) -> String? { entries.first { $0.person == person }?.address }

    /// An RFC 5322 addr-spec in its common form: a dot-atom local part and a domain of at
    /// least two DNS labels, ASCII only, at most 254 characters.
    static func isValidAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, address.utf8.count <= 254, parts[0].utf8.count <= 64 else { return false }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
        let local = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard local.allSatisfy({ !$0.isEmpty && $0.allSatisfy(atext.contains) }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let dns = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        return labels.count >= 2
            && labels.allSatisfy {
                !$0.isEmpty && $0.count <= 63 && $0.allSatisfy(dns.contains) && $0.first != "-"
                    && $0.last != "-"
            }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return result
    }
}
