import ExportFiles
import Foundation
public import Registry

/// One digest as an RFC 5322 message: `multipart/alternative` with a text/plain and a
/// text/html part in UTF-8 (quoted-printable), an RFC 2047 subject, and the headers a
/// mail client and a mailing-list filter expect of automated mail. No calendar
/// attachment: a copy beside the subscribed events would never update.
public struct MailMessage: Sendable {
    public let to: String
    /// The whole message, CRLF line endings.
    public let bytes: [UInt8]
    /// SHA-256 of what the message says (everything but `Date`), for the state file.
    public let contentDigest: String
    public let subject: String

    /// - Parameters:
    ///   - from: The secretariat's address: `From` and the `List-Unsubscribe` mailto.
    ///   - date: The moment of sending, for `Date`.
    ///   - host: The domain of `Message-ID`.
    public init(_ content: DigestContent, to: String, from: String, date: Instant, host: String) {
        self.to = to
        subject = Self.subject(content)
        let plain = DigestText.plain(content)
        let html = DigestText.html(content)
        let body = Array((plain + html + to + from + subject).utf8)
        contentDigest = Fingerprint.sha256(body).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
        let boundary = "samverkan-\(contentDigest.prefix(24))"
        let id = "\(content.week).\(content.person.id.rawValue).\(contentDigest.prefix(16))@\(host)"
        let headers = [
            "From: Familjen Helsingborg <\(from)>",
            "To: <\(to)>",
            Self.encodedHeader("Subject", subject),
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(id)>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "List-Unsubscribe: <mailto:\(from)?subject=Avsluta%20veckobrev>",
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"",
        ]
        var lines = headers + ["", "Veckobrev från Familjen Helsingborg."]
        for (type, text) in [("plain", plain), ("html", html)] {
            lines += [
                "--\(boundary)", "Content-Type: text/\(type); charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable", "", QuotedPrintable.encode(text),
            ]
        }
        lines.append("--\(boundary)--")
        bytes = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// "Familjen Helsingborg vecka 21: 2 möten, 1 sista dag".
    static func subject(_ content: DigestContent) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String? {
            n == 0 ? nil : "\(n) \(n == 1 ? one : many)"
        }
        let parts = [
            count(content.meetings.count, "möte", "möten"),
            count(content.deadlines.count, "sista dag", "sista dagar"),
            count(content.overdue.count, "försenad", "försenade"),
            count(content.changes.count, "ändring", "ändringar"),
        ].compactMap { $0 }
        return "Familjen Helsingborg vecka \(content.week.number): " + parts.joined(separator: ", ")
    }

    /// `Subject: =?UTF-8?B?…?=`, in encoded words of at most 75 characters (RFC 2047),
    /// each holding whole characters, folded onto lines of their own.
    static func encodedHeader(_ name: String, _ value: String) -> String {
        var words: [[UInt8]] = []
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk) }
        return "\(name): "
            + words.map { "=?UTF-8?B?\(Data($0).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// "Mon, 18 May 2026 06:00:00 +0000".
    static func rfc5322(_ instant: Instant) -> String {
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = instant.day
        let clock = [instant.hour, instant.minute, instant.second].map { Day.pad($0, 2) }.joined(
            separator: ":")
        return "\(days[day.weekday - 1]), \(day.day) \(months[day.month - 1]) \(day.year) \(clock) +0000"
    }
}
