/// A subgraph; as a cluster, `dot` draws it as a box around its nodes.
public struct Subgraph: StatementContainer, Sendable {
    /// The subgraph's name, without the `cluster` prefix the encoder adds for clusters.
    public var name: String
    public var isCluster: Bool
    public var attributes = Attributes()
    public var nodeDefaults = Attributes()
    public var edgeDefaults = Attributes()
    public var statements: [Statement] = []

    public init(_ name: String, isCluster: Bool = true) {
        self.name = name
        self.isCluster = isCluster
    }
}
