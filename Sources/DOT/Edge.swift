/// An edge statement between two node names.
public struct Edge: Attributed, Sendable {
    public var from: String
    public var to: String
    /// A stable name for the SVG `id` (such as a relation id); the encoder falls back to the endpoints.
    public var key: String?
    public var attributes: Attributes

    public init(from: String, to: String, key: String? = nil, attributes: Attributes = Attributes()) {
        self.from = from
        self.to = to
        self.key = key
        self.attributes = attributes
    }
}
