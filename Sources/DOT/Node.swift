/// A node statement: a name and its attributes.
public struct Node: Attributed, Sendable {
    /// The node's DOT name; edges refer to it. The encoder derives the SVG `id` from it.
    public var name: String
    public var attributes: Attributes

    public init(_ name: String, attributes: Attributes = Attributes()) {
        self.name = name
        self.attributes = attributes
    }
}
