/// The one JSON writer: bytes straight into a buffer, in one layout (two-space indent,
/// `"key" : value`, empty containers as `[]` and `{}`, slashes unescaped, keys in UTF-8
/// byte order, a trailing newline) that matches Foundation's `JSONEncoder` with
/// `.sortedKeys`, `.prettyPrinted` and `.withoutEscapingSlashes`.
///
/// Popolo writes through it directly, since `Codable` is too slow for a document that
/// size at start-up; every other value goes through `JSONOutput`, which feeds it from
/// `Encodable`.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the innermost open container has no member yet.
    private var empty = true
    #if DEBUG
        /// The last key written in each open object, to catch keys given out of order.
        private var lastKeys: [[UInt8]?] = []
    #endif

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The finished document, with its trailing newline.
    consuming func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// An object whose members `body` writes with `field` and `key`.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        #if DEBUG
            lastKeys.append(nil)
            defer { lastKeys.removeLast() }
        #endif
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array of `elements`, each written by `element`.
    mutating func array<Elements: Sequence>(
        _ elements: Elements, _ element: (inout JSONWriter, Elements.Element) -> Void
    ) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { writer in
            for value in elements {
                writer.nextMember()
                element(&writer, value)
            }
        }
    }

    /// The key of the next member of the open object; its value follows. Keys come in
    /// `precedes` order.
    mutating func key(_ name: StaticString) {
        key(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// A key known only at run time (`JSONOutput`'s), escaped like any string.
    mutating func key(_ name: String) {
        guard name.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) else {
            nextMember()
            string(name)
            bytes.append(contentsOf: " : ".utf8)
            return
        }
        var name = name
        name.withUTF8 { key($0) }
    }

    /// The order of an object's keys: their UTF-8 bytes', as `JSONEncoder` sorts them.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    private mutating func key(_ utf8: UnsafeBufferPointer<UInt8>) {
        #if DEBUG
            let key = Array(utf8)
            assert(
                lastKeys[lastKeys.count - 1].map { $0.lexicographicallyPrecedes(key) } ?? true,
                "key out of order")
            lastKeys[lastKeys.count - 1] = key
        #endif
        nextMember()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: utf8)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: " "))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// A number, `true`, `false` or `null`, written as given.
    mutating func literal(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A string member; none when `value` is nil, as `Codable` leaves out a nil optional.
    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// An array-of-strings member; none when `values` is nil.
    mutating func field(_ name: StaticString, _ values: [String]?) {
        guard let values else { return }
        key(name)
        array(values) { $0.string($1) }
    }

    /// A string value, escaped as Foundation escapes it: `"`, `\` and the control
    /// characters, the common ones by name (`\n`), the rest as `\u001f`.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var run = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                run = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22, 0x5C: bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("u00".utf8))
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        bytes.append(open)
        let outer = empty
        empty = true
        depth += 1
        body(&self)
        depth -= 1
        if !empty { newline() }
        bytes.append(close)
        empty = outer
    }

    /// The comma after the previous member, and the new member's line.
    private mutating func nextMember() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        newline()
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}
