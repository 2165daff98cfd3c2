public import Foundation
public import Registry

/// What the digest has sent (`STATE/sent.tsv`): a line per message delivered, with its
/// week, person, content digest, moment and the overdue items it mentioned. Running a
/// week again sends nobody a second message; a failed delivery has no line, so the next
/// run tries it again. Rewritten whole (written beside, then renamed) after every
/// message, so an interrupted run loses nothing it sent.
public struct DigestState: Sendable {
    public struct Sent: Hashable, Sendable {
        public let week: Week
        public let person: Person.ID
        public let contentDigest: String
        public let at: Instant
        public let overdue: [String]
    }

    public private(set) var sent: [Sent]
    let file: URL

    public static let fileName = "sent.tsv"

    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The state in `directory`, empty when it has no file yet (the directory is made).
    public init(directory: URL) throws(Unreadable) {
        file = directory.appendingPathComponent(Self.fileName)
        sent = []
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw Unreadable(description: "\(directory.path): cannot create the state folder: \(error)")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return }
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated()
        where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 5, let week = Week(fields[0]), let at = Instant(iso: fields[3]) else {
                throw Unreadable(
                    description:
                        "\(file.path):\(index + 1): error: expected WEEK<TAB>PERSON<TAB>DIGEST<TAB>SENT<TAB>OVERDUE"
                )
            }
            sent.append(
                Sent(
                    week: week, person: Person.ID(String(fields[1])), contentDigest: String(fields[2]),
                    at: at,
                    overdue: fields[4].split(separator: ",").map(String.init)))
        }
    }

    /// Whether `person` has had their digest for `week`.
    public func hasSent(_ week: Week, to person: Person.ID) -> Bool {
        sent.contains { $0.week == week && $0.person == person }
    }

    /// When `person` last had a digest.
    public func lastSent(to person: Person.ID) -> Instant? {
        sent.filter { $0.person == person }.map(\.at).max()
    }

    /// The week each overdue item was last mentioned to `person`.
    public func overdueMentioned(to person: Person.ID) -> [String: Week] {
        var weeks: [String: Week] = [:]
        for line in sent where line.person == person {
            for key in line.overdue { weeks[key] = max(weeks[key] ?? line.week, line.week) }
        }
        return weeks
    }

    /// Records a delivered message and writes the file.
    public mutating func record(_ line: Sent) throws(Unreadable) {
        sent.append(line)
        let text =
            "# Digests sent by `samverkan digest`: week, person, content digest, sent (UTC), overdue items mentioned.\n"
            + sent.map {
                [
                    $0.week.description, $0.person.rawValue, $0.contentDigest, $0.at.description,
                    $0.overdue.joined(separator: ","),
                ].joined(separator: "\t")
            }.joined(separator: "\n") + "\n"
        do {
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw Unreadable(description: "\(file.path): cannot write: \(error)")
        }
    }
}
