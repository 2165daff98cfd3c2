import ICalendar
import Registry

/// The one reader of a `sequences.tsv` line, in the form `EventLedger.tsv` writes, straight
/// from its UTF-8 bytes, making strings only for what an entry keeps: a ledger has a line
/// per event, and the server reads it before it can start. A line in any other form gives
/// nil, and `EventLedger(tsv:)` names it as malformed.
struct EventLedgerLine {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// Where each tab-separated field of the line being read lies, kept between lines.
    private var fields: [Range<Int>] = []

    /// The line's key and entry; nil when the line is not in the form `tsv` writes.
    mutating func entry(_ line: UnsafeBufferPointer<UInt8>) -> (LedgerKey, EventLedger.Entry)? {
        split(line)
        guard [3, 5, 11, 12, 13].contains(fields.count), !fields[0].isEmpty,
            let sequence = Self.number(line[fields[1]], digits: 1...18)
        else { return nil }
        var revised: Instant?
        var removed: Instant?
        if fields.count >= 5 {
            guard let instant = Self.instant(line[fields[3]]) else { return nil }
            revised = instant
            if !fields[4].isEmpty {
                guard let instant = Self.instant(line[fields[4]]) else { return nil }
                removed = instant
            }
        }
        var state: EventState?
        if fields.count >= 11 {
            guard let columns = self.state(line) else { return nil }
            state = columns
        }
        return (
            LedgerKey(Self.text(line[fields[0]])),
            EventLedger.Entry(
                sequence: sequence, storedFingerprint: StoredFingerprint(line[fields[2]]), revised: revised,
                removed: removed, state: state)
        )
    }

    private mutating func split(_ line: Bytes) {
        fields.removeAll(keepingCapacity: true)
        var start = 0
        for index in line.indices where line[index] == UInt8(ascii: "\t") {
            fields.append(start..<index)
            start = index + 1
        }
        fields.append(start..<line.count)
    }

    /// The columns after `removed`, as `EventState.columns` writes them.
    private func state(_ line: Bytes) -> EventState? {
        guard let timing = Self.timing(line[fields[5]]),
            let status = VEvent.Status(rawValue: Self.text(line[fields[7]]))
        else { return nil }
        var answers: [ResponseRecord] = []
        if fields.count >= 12 {
            for text in Self.list(line[fields[11]]) {
                guard let record = ResponseRecord(Self.text(text)) else { return nil }
                answers.append(record)
            }
        }
        var facts: [EventState.Fact]?
        if fields.count == 13 {
            facts = []
            for text in Self.list(line[fields[12]]) {
                guard let fact = EventState.Fact(written: text) else { return nil }
                facts?.append(fact)
            }
        }
        return EventState(
            timing: timing, location: Self.text(line[fields[6]]), status: status,
            title: Self.text(line[fields[8]]), municipalities: Self.list(line[fields[9]]).map(Self.text),
            url: Self.text(line[fields[10]]), answers: answers, facts: facts)
    }

    static func text(_ bytes: Slice<Bytes>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The comma-separated items, empty ones left out.
    private static func list(_ bytes: Slice<Bytes>) -> [Slice<Bytes>] {
        bytes.split(separator: UInt8(ascii: ","))
    }

    /// The value of ASCII digits alone, as many as `digits` allows; nil for anything else.
    static func number(_ bytes: Slice<Bytes>, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(bytes.count) else { return nil }
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The number of `count` digits at `offset` in `bytes`, if it is within `range`.
    private static func number(_ bytes: Slice<Bytes>, at offset: Int, count: Int, in range: ClosedRange<Int>)
        -> Int?
    {
        let start = bytes.startIndex + offset
        guard let value = number(bytes[start..<start + count], digits: count...count), range.contains(value)
        else { return nil }
        return value
    }

    /// Whether `bytes` has `character` at `offset`.
    private static func has(_ bytes: Slice<Bytes>, _ character: Unicode.Scalar, at offset: Int) -> Bool {
        bytes[bytes.startIndex + offset] == UInt8(ascii: character)
    }

    /// `2026-04-10`, an existing day.
    private static func day(_ bytes: Slice<Bytes>) -> Day? {
        guard bytes.count >= 10, has(bytes, "-", at: 4), has(bytes, "-", at: 7),
            let year = number(bytes, at: 0, count: 4, in: 0...9999),
            let month = number(bytes, at: 5, count: 2, in: 0...99),
            let day = number(bytes, at: 8, count: 2, in: 0...99)
        else { return nil }
        let found = Day(year, month, day)
        return found.isValid ? found : nil
    }

    /// `09:00` at `offset`.
    private static func time(_ bytes: Slice<Bytes>, at offset: Int) -> LocalTime? {
        guard has(bytes, ":", at: offset + 2), let hour = number(bytes, at: offset, count: 2, in: 0...23),
            let minute = number(bytes, at: offset + 3, count: 2, in: 0...59)
        else { return nil }
        return LocalTime(hour, minute)
    }

    /// `2026-04-10T00:00:00Z`, as `Instant.description` writes it.
    static func instant(_ bytes: Slice<Bytes>) -> Instant? {
        guard bytes.count == 20, let day = day(bytes), has(bytes, "T", at: 10), has(bytes, "Z", at: 19),
            has(bytes, ":", at: 16), let clock = time(bytes, at: 11),
            let second = number(bytes, at: 17, count: 2, in: 0...59)
        else { return nil }
        return Instant(day, hour: clock.hour, minute: clock.minute, second: second)
    }

    /// `2026-05-22T09:00-11:00` or `2026-05-22`, as `Event.Timing.ledgerText` writes it.
    static func timing(_ bytes: Slice<Bytes>) -> Event.Timing? {
        guard let day = day(bytes) else { return nil }
        if bytes.count == 10 { return .allDay(day) }
        guard bytes.count == 22, has(bytes, "T", at: 10), has(bytes, "-", at: 16),
            let from = time(bytes, at: 11), let to = time(bytes, at: 17)
        else { return nil }
        return .timed(day, from: from, to: to)
    }
}

extension EventState.Fact {
    /// The fact a ledger key in the form `key` takes names (`agenda/2`, `decision/ID`,
    /// `attendance`), or nil.
    fileprivate init?(written bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
            guard let kind = Kind(rawValue: EventLedgerLine.text(bytes)), kind == .attendance else {
                return nil
            }
            self.init(kind)
            return
        }
        guard let kind = Kind(rawValue: EventLedgerLine.text(bytes[..<slash])), kind != .attendance,
            slash + 1 < bytes.endIndex
        else { return nil }
        self.init(kind, key: EventLedgerLine.text(bytes))
    }
}
