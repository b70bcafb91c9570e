/// A set of DOT attributes, each set through its typed key; written sorted by name.
public struct Attributes: Sendable {
    private struct Entry: Sendable {
        var name: String
        var value: any AttributeValue
        var role: ValueRole
    }

    /// Sorted by name. A node or edge has a dozen attributes at most, so a scan beats hashing every name.
    private var entries: [Entry] = []

    public init() {}

    /// Reads or sets (with nil, removes) an attribute by its typed key.
    public subscript<Value>(key: AttributeKey<Value>) -> Value? {
        get { entries.first { $0.name == key.name }?.value as? Value }
        set {
            let place = entries.firstIndex { $0.name >= key.name } ?? entries.endIndex
            let isSet = place < entries.endIndex && entries[place].name == key.name
            switch (newValue, isSet) {
            case (let value?, true): entries[place] = Entry(name: key.name, value: value, role: key.role)
            case (let value?, false): entries.insert(Entry(name: key.name, value: value, role: key.role), at: place)
            case (nil, true): entries.remove(at: place)
            case (nil, false): break
            }
        }
    }

    /// The attributes as name and value pairs, sorted by name.
    public var sorted: [(name: String, value: DOTValue)] {
        entries.map { ($0.name, $0.value.dotValue(as: $0.role)) }
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
