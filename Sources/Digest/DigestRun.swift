public import ExportFiles
public import Foundation
public import Registry

/// One run of the digest for one week: a message per person with something to say,
/// written to a folder, sent, or both; nobody mailed twice for a week unless asked.
public struct DigestRun {
    /// Where each person ended up.
    public struct Report: Sendable {
        public var sent: [Person.ID] = []
        public var written: [String] = []
        public var alreadySent: [Person.ID] = []
        public var nothingToSay: [Person.ID] = []
        /// Delivery failed: tried again on the next run.
        public var failed: [(person: Person.ID, reason: String)] = []
        /// People asked for who have no address in the recipients file: listed, not mailed.
        public var noAddress: [Person.ID] = []
    }

    public let registry: Registry
    public let week: Week
    public let recipients: RecipientsFile
    public let changes: [ChangeEntry]
    public let from: String
    public let now: Instant
    /// Write each message here as `WEEK-PERSON.eml`.
    public var out: URL?
    /// Deliver each message through this command.
    public var sendmail: Sendmail?
    public var state: DigestState?
    /// Send even to those who have had this week's digest.
    public var resend = false

    public init(
        registry: Registry, week: Week, recipients: RecipientsFile, changes: [ChangeEntry], from: String,
        now: Instant
    ) {
        self.registry = registry
        self.week = week
        self.recipients = recipients
        self.changes = changes
        self.from = from
        self.now = now
    }

    /// Runs the digest for `people` (each must have a personal calendar).
    public mutating func run(for people: [Person.ID]) throws -> Report {
        var report = Report()
        let events = registry.events()
        let host = registry.publicURL.flatMap { URL(string: $0)?.host } ?? "familjenhelsingborg.se"
        for id in people {
            guard let person = registry[id] else { continue }
            guard let address = recipients.address(of: id) else {
                report.noAddress.append(id)
                continue
            }
            if sendmail != nil, !resend, state?.hasSent(week, to: id) == true {
                report.alreadySent.append(id)
                continue
            }
            let content = DigestContent(
                person: person, week: week, registry: registry, events: events, changes: changes,
                since: state?.lastSent(to: id) ?? now.adding(seconds: -7 * 86_400), now: now,
                overdueMentioned: state?.overdueMentioned(to: id) ?? [:])
            guard !content.isEmpty else {
                report.nothingToSay.append(id)
                continue
            }
            let message = MailMessage(content, to: address, from: from, date: now, host: host)
            if let out {
                let file = out.appendingPathComponent("\(week)-\(id.rawValue).eml")
                try Data(message.bytes).write(to: file, options: .atomic)
                report.written.append(file.path)
            }
            guard let sendmail else { continue }
            if let failure = sendmail.deliver(message.bytes) {
                report.failed.append((id, failure))
                continue
            }
            try state?.record(
                DigestState.Sent(
                    week: week, person: id, contentDigest: message.contentDigest, at: now,
                    overdue: content.overdueKeys))
            report.sent.append(id)
        }
        return report
    }
}
