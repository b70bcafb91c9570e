/// A set of DOT attributes, each set through its typed key; written sorted by name.
public struct Attributes: Sendable {
    private struct Entry: Sendable {
        var value: any AttributeValue
        var role: ValueRole
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    /// Reads or sets (with nil, removes) an attribute by its typed key.
    public subscript<Value>(key: AttributeKey<Value>) -> Value? {
        get { entries[key.name]?.value as? Value }
        set { entries[key.name] = newValue.map { Entry(value: $0, role: key.role) } }
    }

    /// The attributes as name and value pairs, sorted by name.
    public var sorted: [(name: String, value: DOTValue)] {
        entries.keys.sorted().map { name in
            let entry = entries[name]!
            return (name, entry.value.dotValue(as: entry.role))
        }
    }

    public var isEmpty: Bool { entries.isEmpty }
}

/// Something that carries attributes: a graph, subgraph, node or edge.
public protocol Attributed {
    var attributes: Attributes { get set }
}

extension Attributed {
    /// Reads or sets an attribute by its typed key.
    public subscript<Value>(key: AttributeKey<Value>) -> Value? {
        get { attributes[key] }
        set { attributes[key] = newValue }
    }
}
