import CSystemShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where each VEVENT lies in a feed's bytes, and its UID: a feed is its envelope around
/// the events' blocks, each `BEGIN:VEVENT` to `END:VEVENT`, one after another.
public enum VEventBlocks {
    private static let begin = Array("BEGIN:VEVENT\r\n".utf8)
    private static let lineBreakBegin = Array("\r\nBEGIN:VEVENT\r\n".utf8)
    private static let uidLine = Array("\r\nUID:".utf8)
    private static let lineBreak = Array("\r\n".utf8)

    /// The blocks between `start` and `end`. A line `BEGIN:VEVENT` can only open an event:
    /// text values escape their line breaks, and folding continues a line with a space.
    public static func ranges(in bytes: [UInt8], from start: Int, to end: Int) -> [Range<Int>] {
        guard start < end else { return [] }
        return bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            guard end - start >= begin.count, memcmp(base + start, begin, begin.count) == 0 else {
                return [start..<end]
            }
            var starts = [start]
            var from = start + 1
            while from < end {
                let found = csystem_find(base + from, end - from, lineBreakBegin, lineBreakBegin.count)
                guard found >= 0 else { break }
                starts.append(from + found + 2)
                from += found + 3
            }
            return zip(starts, starts.dropFirst() + [end]).map { $0..<$1 }
        }
    }

    /// Whether the event in `block` has the UID `uid`, compared byte by byte where the
    /// value lies, nothing copied.
    public static func hasUID(_ block: ArraySlice<UInt8>, _ uid: String) -> Bool {
        var expected = uid
        return expected.withUTF8 { expected in
            var position = 0
            let whole = uidBytes(in: block) { byte in
                guard position < expected.count, expected[position] == byte else { return false }
                position += 1
                return true
            }
            return whole && position == expected.count
        }
    }

    /// The UID of the event in `block`, unfolded and with TEXT escapes undone.
    public static func uid(in block: ArraySlice<UInt8>) -> String? {
        var value: [UInt8] = []
        let found = uidBytes(in: block) { byte in
            value.append(byte)
            return true
        }
        guard found else { return nil }
        return String(decoding: value, as: UTF8.self)
    }

    /// Hands each byte of the UID's value in `block` to `take`, folds skipped and TEXT
    /// escapes undone, until `take` returns false. Returns false when there is no UID or
    /// `take` stopped.
    private static func uidBytes(in block: ArraySlice<UInt8>, _ take: (UInt8) -> Bool) -> Bool {
        guard let range = uidValue(in: block) else { return false }
        var index = range.lowerBound
        while index < range.upperBound {
            var byte = block[index]
            if byte == 0x0D {
                index += 3  // a fold: CRLF and a space or tab
                continue
            }
            index += 1
            if byte == UInt8(ascii: "\\"), index < range.upperBound {
                byte =
                    block[index] == UInt8(ascii: "n") || block[index] == UInt8(ascii: "N")
                    ? 0x0A : block[index]
                index += 1
            }
            guard take(byte) else { return false }
        }
        return true
    }

    /// Where the UID property's value lies in `block` (indices of the whole array), folds
    /// included: from after `UID:` to the CRLF that is not followed by a space or tab.
    private static func uidValue(in block: ArraySlice<UInt8>) -> Range<Int>? {
        block.withUnsafeBufferPointer { buffer -> Range<Int>? in
            guard let base = buffer.baseAddress else { return nil }
            let found = csystem_find(base, buffer.count, uidLine, uidLine.count)
            guard found >= 0 else { return nil }
            let start = found + uidLine.count
            var end = start
            while true {
                let lineEnd = csystem_find(base + end, buffer.count - end, lineBreak, lineBreak.count)
                guard lineEnd >= 0 else { return nil }
                end += lineEnd
                guard end + 2 < buffer.count, buffer[end + 2] == 0x20 || buffer[end + 2] == 0x09 else {
                    break
                }
                end += 3
            }
            return (block.startIndex + start)..<(block.startIndex + end)
        }
    }
}
