import Foundation

/// A time zone read from the system's tz database (`/usr/share/zoneinfo`, package
/// `tzdata`): the one source of UTC offsets in Samverkan, for JSON timestamps, for
/// today's date, and for the VTIMEZONE every feed carries.
///
/// Built from the TZif file's 64-bit transition table and its POSIX TZ footer, which
/// continues the table into the future. Nothing here reads the clock or the machine's
/// own zone.
public struct ZoneInfo: Sendable, Hashable {
    /// The zone every time in the registry is local to.
    public static let collaborationZoneName = "Europe/Stockholm"

    /// One kind of local time: an offset east of UTC, in seconds, and its abbreviation.
    public struct LocalTimeType: Hashable, Sendable {
        public let utcOffset: Int
        public let isDaylight: Bool
        public let abbreviation: String
    }

    /// A yearly change written as in POSIX TZ strings: month, week of the month (5 is the
    /// last), weekday (0 is Sunday) and the local wall time of the change, in seconds.
    public struct YearlyRule: Hashable, Sendable {
        public let month: Int
        public let week: Int
        public let weekday: Int
        public let time: Int

        public init(month: Int, week: Int, weekday: Int, time: Int) {
            self.month = month
            self.week = week
            self.weekday = weekday
            self.time = time
        }

        /// The day the rule falls on in `year`.
        public func day(in year: Int) -> Day {
            let first = Day(year, month, 1)
            // `Day.weekday` counts Monday as 1 … Sunday as 7; POSIX counts Sunday as 0.
            let offset = (weekday - first.weekday % 7 + 7) % 7
            var day = first.adding(days: offset + 7 * (week - 1))
            while day.month != month { day = day.adding(days: -7) }
            return day
        }
    }

    /// The zone's rule from its last listed transition on: standard time, and summer time
    /// with the yearly rules that start and end it (nil for a zone without summer time).
    public struct Rule: Hashable, Sendable {
        public let standard: LocalTimeType
        public let daylight: (type: LocalTimeType, starts: YearlyRule, ends: YearlyRule)?

        public static func == (a: Rule, b: Rule) -> Bool {
            a.standard == b.standard && a.daylight?.type == b.daylight?.type
                && a.daylight?.starts == b.daylight?.starts && a.daylight?.ends == b.daylight?.ends
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(standard)
            hasher.combine(daylight?.type)
            hasher.combine(daylight?.starts)
            hasher.combine(daylight?.ends)
        }
    }

    public let name: String
    /// Seconds since 1970 (UTC) of each listed change, ascending, and the type after it.
    let transitions: [(at: Int64, type: Int)]
    public let types: [LocalTimeType]
    public let rule: Rule

    public static func == (a: ZoneInfo, b: ZoneInfo) -> Bool {
        a.name == b.name && a.types == b.types && a.rule == b.rule
            && a.transitions.elementsEqual(b.transitions, by: { $0 == $1 })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(transitions.count)
    }

    /// Europe/Stockholm from the system's tz database.
    ///
    /// - Throws: `ZoneInfoError` when tzdata is missing or the file cannot be read; there
    ///   is no fallback, since a wrong offset would move every meeting.
    public static func collaborationZone() throws(ZoneInfoError) -> ZoneInfo {
        try system(collaborationZoneName)
    }

    /// A zone from the system's tz database, by its IANA name.
    public static func system(_ name: String, directory: String = "/usr/share/zoneinfo")
        throws(ZoneInfoError) -> ZoneInfo
    {
        let path = "\(directory)/\(name)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ZoneInfoError(
                message: "cannot read \(path): install the tzdata package (apt-get install -y tzdata)")
        }
        return try ZoneInfo(name: name, tzif: Array(data))
    }

    /// Parses a TZif file of version 2 or later (RFC 8536).
    public init(name: String, tzif bytes: [UInt8]) throws(ZoneInfoError) {
        self.name = name
        var reader = TZifReader(bytes: bytes, name: name)
        let v1 = try reader.header()
        guard v1.version >= 2 else { throw reader.error("TZif version 1 has no 64-bit data") }
        try reader.skip(v1.dataLength(timeSize: 4))
        let header = try reader.header()
        var times: [Int64] = []
        for _ in 0..<header.timeCount { times.append(try reader.int64()) }
        var indices: [Int] = []
        for _ in 0..<header.timeCount { indices.append(Int(try reader.byte())) }
        var raw: [(offset: Int, isDaylight: Bool, index: Int)] = []
        for _ in 0..<header.typeCount {
            raw.append((Int(try reader.int32()), try reader.byte() != 0, Int(try reader.byte())))
        }
        let names = try reader.bytes(header.charCount)
        try reader.skip(header.leapCount * 12 + header.isStdCount + header.isUTCCount)
        let types = raw.map { type in
            let start = names.startIndex + min(type.index, names.count)
            let end = names[start...].firstIndex(of: 0) ?? names.endIndex
            return LocalTimeType(
                utcOffset: type.offset, isDaylight: type.isDaylight,
                abbreviation: String(decoding: names[start..<end], as: UTF8.self))
        }
        guard !types.isEmpty, indices.allSatisfy({ $0 < types.count }) else {
            throw reader.error("bad type index")
        }
        self.types = types
        transitions = zip(times, indices).map { ($0, $1) }
        let footer = String(decoding: try reader.footer(), as: UTF8.self)
        rule = try PosixTZ.parse(footer, zone: name)
    }

    /// The local time type in force at an instant, in seconds since 1970 (UTC).
    public func type(atUTC seconds: Int64) -> LocalTimeType {
        if let last = transitions.last, seconds < last.at {
            var low = 0
            var high = transitions.count
            while low < high {
                let middle = (low + high) / 2
                if transitions[middle].at <= seconds { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? types[0] : types[transitions[low - 1].type]
        }
        return ruleType(atUTC: seconds)
    }

    /// The footer rule's answer for an instant.
    private func ruleType(atUTC seconds: Int64) -> LocalTimeType {
        guard let daylight = rule.daylight else { return rule.standard }
        let year = Day(daysSinceEpoch: Int(Self.floorDivide(seconds, 86_400))).year
        // Each change happens at a wall time of the type in force before it.
        let starts =
            Self.seconds(daylight.starts.day(in: year), daylight.starts.time) - Int64(rule.standard.utcOffset)
        let ends =
            Self.seconds(daylight.ends.day(in: year), daylight.ends.time) - Int64(daylight.type.utcOffset)
        let inDaylight =
            starts < ends ? (starts <= seconds && seconds < ends) : !(ends <= seconds && seconds < starts)
        return inDaylight ? daylight.type : rule.standard
    }

    /// Seconds east of UTC at an instant.
    public func utcOffset(atUTC seconds: Int64) -> Int { type(atUTC: seconds).utcOffset }

    /// Seconds east of UTC for a local wall time. A time in the hour skipped in spring
    /// takes the offset after the change; a time in the hour repeated in autumn, its first
    /// (summer-time) occurrence.
    public func utcOffset(forLocal local: LocalDateTime) -> Int {
        let wall = Self.seconds(local.day, local.time.minutesSinceMidnight * 60)
        let offsets = Set(types.map(\.utcOffset) + [rule.standard.utcOffset]).sorted(by: >)
        for offset in offsets where utcOffset(atUTC: wall - Int64(offset)) == offset { return offset }
        return utcOffset(atUTC: wall - Int64(offsets.last ?? 0))
    }

    /// The day it is locally at an instant: what "today" means for the collaboration.
    public func day(atUTC seconds: Int64) -> Day {
        let local = seconds + Int64(utcOffset(atUTC: seconds))
        return Day(daysSinceEpoch: Int(Self.floorDivide(local, 86_400)))
    }

    /// ISO 8601 with the zone's offset: "2026-04-10T08:30:00+02:00".
    public func iso8601(_ local: LocalDateTime) -> String {
        let offset = utcOffset(forLocal: local)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(local.day)T\(local.time):00\(sign)\(Day.pad(minutes / 60, 2)):\(Day.pad(minutes % 60, 2))"
    }

    /// The first local wall time from which a yearly rule has held without a break: the
    /// DTSTART of the observance a VTIMEZONE states it with. Walks the listed transitions
    /// back from the last while each one falls where the rule says.
    public func ruleHolds(since rule: YearlyRule, into type: LocalTimeType) -> LocalDateTime {
        var earliest: LocalDateTime?
        for (index, transition) in transitions.enumerated().reversed() {
            let after = types[transition.type]
            guard after.isDaylight == type.isDaylight else { continue }
            let before = index > 0 ? types[transitions[index - 1].type] : types[0]
            let wall = transition.at + Int64(before.utcOffset)
            let day = Day(daysSinceEpoch: Int(Self.floorDivide(wall, 86_400)))
            let time = Int(wall - Int64(day.daysSinceEpoch) * 86_400)
            guard after == type, day == rule.day(in: day.year), time == rule.time else { break }
            earliest = LocalDateTime(day, LocalTime(time / 3600, time % 3600 / 60))
        }
        if let earliest { return earliest }
        return LocalDateTime(rule.day(in: 1970), LocalTime(rule.time / 3600, rule.time % 3600 / 60))
    }

    static func seconds(_ day: Day, _ secondsOfDay: Int) -> Int64 {
        Int64(day.daysSinceEpoch) * 86_400 + Int64(secondsOfDay)
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

extension ZoneInfo {
    /// Today in the collaboration's zone, from the system clock.
    public func today() -> Day {
        day(atUTC: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}

/// The tz database could not give a zone; the message says what to install or fix.
public struct ZoneInfoError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Reads the big-endian fields of a TZif file, failing with the file's name.
private struct TZifReader {
    struct Header {
        let version: Int
        let isUTCCount, isStdCount, leapCount, timeCount, typeCount, charCount: Int

        func dataLength(timeSize: Int) -> Int {
            timeCount * timeSize + timeCount + typeCount * 6 + charCount + leapCount * (timeSize + 4)
                + isStdCount + isUTCCount
        }
    }

    let bytes: [UInt8]
    let name: String
    var position = 0

    init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    func error(_ what: String) -> ZoneInfoError {
        ZoneInfoError(message: "zoneinfo file for \(name) is not valid TZif: \(what)")
    }

    mutating func bytes(_ count: Int) throws(ZoneInfoError) -> ArraySlice<UInt8> {
        guard count >= 0, position + count <= bytes.count else { throw error("truncated") }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func skip(_ count: Int) throws(ZoneInfoError) { _ = try bytes(count) }

    mutating func byte() throws(ZoneInfoError) -> UInt8 { try bytes(1).first! }

    mutating func int32() throws(ZoneInfoError) -> Int32 {
        Int32(bitPattern: try bytes(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }

    mutating func int64() throws(ZoneInfoError) -> Int64 {
        Int64(bitPattern: try bytes(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    mutating func header() throws(ZoneInfoError) -> Header {
        guard Array(try bytes(4)) == Array("TZif".utf8) else { throw error("no TZif magic") }
        let versionByte = try byte()
        let version = versionByte == 0 ? 1 : Int(versionByte) - 0x30
        try skip(15)
        var counts: [Int] = []
        for _ in 0..<6 { counts.append(Int(try int32())) }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw error("negative count") }
        return Header(
            version: version, isUTCCount: counts[0], isStdCount: counts[1], leapCount: counts[2],
            timeCount: counts[3], typeCount: counts[4], charCount: counts[5])
    }

    mutating func footer() throws(ZoneInfoError) -> ArraySlice<UInt8> {
        guard try byte() == 0x0A else { throw error("no footer") }
        let rest = bytes[position...]
        guard let end = rest.firstIndex(of: 0x0A) else { throw error("unterminated footer") }
        return bytes[position..<end]
    }
}

/// The POSIX TZ strings tzdata writes as TZif footers: `CET-1CEST,M3.5.0,M10.5.0/3`.
private struct PosixTZ {
    private let text: String
    private let zone: String
    private var scanner: Substring

    private init(_ text: String, zone: String) {
        self.text = text
        self.zone = zone
        self.scanner = Substring(text)
    }

    static func parse(_ text: String, zone: String) throws(ZoneInfoError) -> ZoneInfo.Rule {
        var parser = PosixTZ(text, zone: zone)
        return try parser.rule()
    }

    private mutating func rule() throws(ZoneInfoError) -> ZoneInfo.Rule {
        let standardName = try name()
        // POSIX offsets count west of UTC: "CET-1" is UTC+1.
        let standard = ZoneInfo.LocalTimeType(
            utcOffset: -(try time(signed: true)), isDaylight: false, abbreviation: standardName)
        guard !scanner.isEmpty else { return ZoneInfo.Rule(standard: standard, daylight: nil) }
        let daylightName = try name()
        var daylightOffset = standard.utcOffset + 3600
        if let first = scanner.first, first != "," { daylightOffset = -(try time(signed: true)) }
        let starts = try yearly()
        let ends = try yearly()
        guard scanner.isEmpty else { throw fail() }
        let daylight = ZoneInfo.LocalTimeType(
            utcOffset: daylightOffset, isDaylight: true, abbreviation: daylightName)
        return ZoneInfo.Rule(standard: standard, daylight: (daylight, starts, ends))
    }

    private func fail() -> ZoneInfoError {
        ZoneInfoError(message: "zoneinfo footer '\(text)' of \(zone) is not a POSIX TZ rule Samverkan reads")
    }

    /// `CET`, or a quoted `<+03>`.
    private mutating func name() throws(ZoneInfoError) -> String {
        if scanner.first == "<" {
            guard let close = scanner.firstIndex(of: ">") else { throw fail() }
            defer { scanner = scanner[scanner.index(after: close)...] }
            return String(scanner[scanner.index(after: scanner.startIndex)..<close])
        }
        let letters = scanner.prefix(while: \.isLetter)
        guard letters.count >= 3 else { throw fail() }
        scanner = scanner.dropFirst(letters.count)
        return String(letters)
    }

    /// `[+-]hh[:mm[:ss]]` in seconds.
    private mutating func time(signed: Bool) throws(ZoneInfoError) -> Int {
        var sign = 1
        if signed, let first = scanner.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            scanner = scanner.dropFirst()
        }
        var parts: [Int] = []
        repeat {
            if !parts.isEmpty { scanner = scanner.dropFirst() }
            parts.append(try number())
        } while scanner.first == ":" && parts.count < 3
        return sign * parts.enumerated().reduce(0) { $0 + $1.element * [3600, 60, 1][$1.offset] }
    }

    private mutating func number() throws(ZoneInfoError) -> Int {
        let digits = scanner.prefix(while: \.isNumber)
        guard let value = Int(digits) else { throw fail() }
        scanner = scanner.dropFirst(digits.count)
        return value
    }

    /// `,Mm.w.d[/time]`: the week's weekday of a month, at a local time (02:00 unless said).
    private mutating func yearly() throws(ZoneInfoError) -> ZoneInfo.YearlyRule {
        guard scanner.hasPrefix(",M") else { throw fail() }
        scanner = scanner.dropFirst(2)
        var fields: [Int] = []
        for index in 0..<3 {
            if index > 0 {
                guard scanner.first == "." else { throw fail() }
                scanner = scanner.dropFirst()
            }
            fields.append(try number())
        }
        var at = 7200
        if scanner.first == "/" {
            scanner = scanner.dropFirst()
            at = try time(signed: true)
        }
        guard (1...12).contains(fields[0]), (1...5).contains(fields[1]), (0...6).contains(fields[2])
        else { throw fail() }
        return ZoneInfo.YearlyRule(month: fields[0], week: fields[1], weekday: fields[2], time: at)
    }
}
