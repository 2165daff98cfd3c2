import Mustache
import Synchronization

/// A view the templates read by field name. Left to itself, Mustache reads every field of a
/// value through `Mirror` for each name it looks up, and again in each enclosing value it
/// climbs to; this learns a type's field places once and reads the one field asked for
/// (BENCHMARKS.md, "Pages"). It gives what Mirror gives: a nil optional is no value.
protocol TemplateValue: MustacheParent {}

extension TemplateValue {
    func child(named name: String) -> Any? {
        let mirror = Mirror(reflecting: self)
        guard let offset = FieldPlaces.offset(of: name, in: Self.self, mirror: mirror) else { return nil }
        let children = mirror.children
        let value = children[children.index(children.startIndex, offsetBy: offset)].value
        return (value as? any OptionalValue).map(\.wrappedValue) ?? value
    }
}

/// Each view type's field names and their places, learnt from the first value rendered.
enum FieldPlaces {
    private static let places = Mutex<[ObjectIdentifier: [String: Int]]>([:])

    static func offset(of name: String, in type: Any.Type, mirror: Mirror) -> Int? {
        let key = ObjectIdentifier(type)
        if let known = places.withLock({ $0[key] }) { return known[name] }
        var fields: [String: Int] = [:]
        for (offset, child) in mirror.children.enumerated() {
            if let label = child.label { fields[label] = offset }
        }
        places.withLock { $0[key] = fields }
        return fields[name]
    }
}

/// An optional seen as `Any`, so that a nil field reads as no value, as Mirror's lookup has it.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 } }
}
