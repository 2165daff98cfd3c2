import Crypto
public import ICalendar
public import Registry

/// Carries SEQUENCE numbers from one export to the next.
///
/// Clients keep their copy of an event unless SEQUENCE rises, so it must rise exactly
/// when something a subscriber sees changes, and never fall. The ledger remembers, per
/// UID, the last SEQUENCE and a fingerprint of the event's significant content. It is
/// written to `Exports/sequences.tsv` beside the feeds and read back by the next export.
/// Removed events stay in the ledger, so an ID that comes back continues upward.
public struct SequenceLedger: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let sequence: Int
        public let fingerprint: String
    }

    public private(set) var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    public static let fileName = "sequences.tsv"

    static let header =
        "# SEQUENCE ledger written by `samverkan export`: UID, SEQUENCE, content fingerprint.\n"
        + "# Commit it with the feeds; never edit it by hand.\n"

    /// Reads a ledger; the message names the line that is malformed.
    public init(tsv text: String) throws(LedgerError) {
        var entries: [String: Entry] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let sequence = Int(fields[1]), sequence >= 0, !fields[0].isEmpty else {
                throw LedgerError(line: index + 1, text: String(line))
            }
            entries[String(fields[0])] = Entry(sequence: sequence, fingerprint: String(fields[2]))
        }
        self.entries = entries
    }

    /// Sorted by UID, so the file diffs cleanly.
    public var tsv: String {
        var text = Self.header
        for uid in entries.keys.sorted() {
            let entry = entries[uid]!
            text += "\(uid)\t\(entry.sequence)\t\(entry.fingerprint)\n"
        }
        return text
    }

    /// Assigns one event its SEQUENCE and records it: unchanged content keeps it,
    /// changed content raises it by one, a new UID starts at 0. Asking again for the same
    /// content in the same export gives the same answer.
    public mutating func sequence(for event: VEvent, kind: Event.Kind) -> Int {
        let fingerprint = Self.fingerprint(Self.significantFields(event, kind: kind))
        let sequence: Int
        if let previous = entries[event.uid] {
            sequence = previous.fingerprint == fingerprint ? previous.sequence : previous.sequence + 1
        } else {
            sequence = 0
        }
        entries[event.uid] = Entry(sequence: sequence, fingerprint: fingerprint)
        return sequence
    }

    /// Everything a subscriber would notice changing: a change here raises SEQUENCE.
    /// DTSTAMP and LAST-MODIFIED are left out on purpose (they follow from the change).
    static func significantFields(_ event: VEvent, kind: Event.Kind) -> [String] {
        let timingText: String
        switch event.timing {
        case .timed(let day, let from, let to): timingText = "\(day)T\(from)-\(to)"
        case .allDay(let day): timingText = "\(day)"
        }
        return [
            event.uid, kind.rawValue, timingText, event.summary, event.description, event.location ?? "",
            event.status.rawValue, event.alarm.map { "\($0.minutesBefore) \($0.description)" } ?? "",
        ]
    }

    /// SHA-256 of the significant fields, hex, truncated to 128 bits.
    static func fingerprint(_ fields: [String]) -> String {
        // The fields joined by U+001F, fed to the hash piece by piece rather than copied
        // into one string first.
        var hasher = SHA256()
        for (index, field) in fields.enumerated() {
            if index > 0 { hasher.update(data: [0x1F]) }
            var field = field
            field.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        let digest = hasher.finalize()
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for byte in digest.prefix(16) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

public struct LedgerError: Error, CustomStringConvertible {
    public let line: Int
    public let text: String
    public var description: String {
        "\(SequenceLedger.fileName):\(line): expected UID<TAB>SEQUENCE<TAB>FINGERPRINT, found '\(text)'"
    }
}
