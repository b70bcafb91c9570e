/// A whole DOT graph: directed or not, with graph, node and edge defaults and ordered statements.
public struct Graph: StatementContainer, Sendable {
    public var name: String?
    public var isDirected: Bool
    /// Prefixes every `id` in the output, so several SVGs can be inlined on one page without clashes.
    public var idPrefix: String
    public var attributes = Attributes()
    public var nodeDefaults = Attributes()
    public var edgeDefaults = Attributes()
    public var statements: [Statement] = []

    public init(name: String? = nil, directed: Bool = true, idPrefix: String = "g") {
        self.name = name
        isDirected = directed
        self.idPrefix = idPrefix
    }
}
