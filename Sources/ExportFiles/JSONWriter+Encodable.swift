/// Any `Encodable` value as JSON, the way the CLI's `--json` and the API write it: through
/// `JSONWriter`, keys sorted, the same bytes for the same value on every platform.
public enum JSONOutput {
    /// The JSON text of `value`, with a trailing newline.
    ///
    /// The result types encode only strings, integers, booleans, nulls, arrays and
    /// objects, so encoding cannot fail. (A floating-point number would be written in
    /// Swift's spelling, `1.0`, where `JSONEncoder` writes `1`.)
    public static func string(_ value: some Encodable) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The UTF-8 bytes of `string(value)`.
    public static func bytes(_ value: some Encodable) -> [UInt8] {
        var writer = JSONWriter()
        writer.value(try! TreeEncoder.encoded(value, at: []))
        return writer.finish()
    }
}

/// A value on its way from `Encodable` to `JSONWriter`: objects are collected whole, so
/// their keys can be written sorted. Containers are references, so a nested container
/// fills the value its parent already holds.
enum JSONValue {
    /// Written as is: a number, `true`, `false` or `null`.
    case literal(String)
    case string(String)
    case array(JSONArray)
    case object(JSONObject)
    /// Whatever that encoder was given (a `superEncoder`'s value).
    case encoder(TreeEncoder)

    static var null: JSONValue { .literal("null") }
}

final class JSONArray {
    var elements: [JSONValue] = []
}

final class JSONObject {
    var members: [String: JSONValue] = [:]
}

extension JSONWriter {
    /// `value`, each object's keys in the order of `JSONWriter.precedes`.
    mutating func value(_ value: JSONValue) {
        switch value {
        case .literal(let text): literal(text)
        case .string(let text): string(text)
        case .array(let array): self.array(array.elements) { $0.value($1) }
        case .object(let object):
            self.object { writer in
                for name in object.members.keys.sorted(by: Self.precedes) {
                    writer.key(name)
                    writer.value(object.members[name]!)
                }
            }
        case .encoder(let encoder): self.value(encoder.value ?? .null)
        }
    }
}

/// An `Encoder` that builds a `JSONValue`.
final class TreeEncoder: Encoder {
    private(set) var value: JSONValue?
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey] = []) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        guard case .object(let object) = value else {
            let object = JSONObject()
            value = .object(object)
            return KeyedEncodingContainer(KeyedContainer(object: object, codingPath: codingPath))
        }
        return KeyedEncodingContainer(KeyedContainer(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        guard case .array(let array) = value else {
            let array = JSONArray()
            value = .array(array)
            return UnkeyedContainer(array: array, codingPath: codingPath)
        }
        return UnkeyedContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// `value` encoded on its own, at `path`. Each container's one generic `encode` stands
    /// for its primitive overloads too, so strings, booleans and numbers end here.
    static func encoded(_ value: some Encodable, at path: [any CodingKey]) throws -> JSONValue {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .literal(flag ? "true" : "false")
        case let number as any BinaryInteger: return .literal("\(number)")
        case let number as any BinaryFloatingPoint: return .literal("\(number)")
        default: break
        }
        let encoder = TreeEncoder(codingPath: path)
        try value.encode(to: encoder)
        return encoder.value ?? .object(JSONObject())
    }

    fileprivate func set(_ value: JSONValue) { self.value = value }
}

/// The key of `superEncoder()`, as `Codable` names it.
private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

extension TreeEncoder {
    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: JSONObject
        let codingPath: [any CodingKey]

        private func set(_ value: JSONValue, _ key: some CodingKey) {
            object.members[key.stringValue] = value
        }

        mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(try encoded(value, at: codingPath + [key]), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONObject()
            set(.object(nested), key)
            return KeyedEncodingContainer(
                KeyedContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = JSONArray()
            set(.array(nested), key)
            return UnkeyedContainer(array: nested, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { superEncoder(SuperKey()) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(key) }

        private func superEncoder(_ key: some CodingKey) -> any Encoder {
            let encoder = TreeEncoder(codingPath: codingPath + [key])
            set(.encoder(encoder), key)
            return encoder
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let array: JSONArray
        let codingPath: [any CodingKey]
        var count: Int { array.elements.count }

        private func append(_ value: JSONValue) { array.elements.append(value) }
        private var next: [any CodingKey] { codingPath + [IndexKey(count)] }

        mutating func encodeNil() throws { append(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { append(try encoded(value, at: next)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = JSONObject()
            let path = next
            append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, codingPath: path))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = JSONArray()
            let path = next
            append(.array(nested))
            return UnkeyedContainer(array: nested, codingPath: path)
        }

        mutating func superEncoder() -> any Encoder {
            let encoder = TreeEncoder(codingPath: next)
            append(.encoder(encoder))
            return encoder
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.set(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.set(try encoded(value, at: codingPath))
        }
    }
}
