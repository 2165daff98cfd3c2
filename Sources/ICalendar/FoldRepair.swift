/// Undoes two folding slips of libical 3.0.16 (fixed upstream in 4.0.3): a fold placed
/// inside a line's CRLF (`CR CR LF SP LF`) and an empty continuation line before a
/// line's end (`CR LF SP CR LF`). Both become a plain CRLF; nothing else changes.
enum FoldRepair {
    /// The bytes with both slips repaired.
    static func repaired(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        write(bytes) { result.append(contentsOf: $0) }
        return result
    }

    static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        let cr: UInt8 = 13
        let lf: UInt8 = 10
        let sp: UInt8 = 32
        var segmentStart = 0
        var index = 0
        let count = bytes.count
        while index + 4 < count {
            guard bytes[index] == cr else {
                index += 1
                continue
            }
            let foldInsideLineEnd =
                bytes[index + 1] == cr && bytes[index + 2] == lf && bytes[index + 3] == sp
                && bytes[index + 4] == lf
            let emptyContinuation =
                bytes[index + 1] == lf && bytes[index + 2] == sp && bytes[index + 3] == cr
                && bytes[index + 4] == lf
            if foldInsideLineEnd || emptyContinuation {
                // Keep everything before, emit one CRLF, skip the five bytes.
                try sink(UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
                try [cr, lf].withUnsafeBufferPointer { try sink($0) }
                index += 5
                segmentStart = index
            } else {
                index += 1
            }
        }
        try sink(UnsafeBufferPointer(rebasing: bytes[segmentStart..<count]))
    }
}
