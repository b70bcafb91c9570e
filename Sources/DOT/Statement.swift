/// One statement in a graph or subgraph body, kept in insertion order.
public enum Statement: Sendable {
    case node(Node)
    case edge(Edge)
    case subgraph(Subgraph)
}

/// A graph or subgraph body: default attributes and statements.
public protocol StatementContainer: Attributed {
    var nodeDefaults: Attributes { get set }
    var edgeDefaults: Attributes { get set }
    var statements: [Statement] { get set }
}

extension StatementContainer {
    public mutating func append(_ node: Node) { statements.append(.node(node)) }
    public mutating func append(_ edge: Edge) { statements.append(.edge(edge)) }
    public mutating func append(_ subgraph: Subgraph) { statements.append(.subgraph(subgraph)) }

    /// Every node statement, subgraphs included, in order.
    public var allNodes: [Node] {
        statements.flatMap { statement -> [Node] in
            switch statement {
            case .node(let node): return [node]
            case .edge: return []
            case .subgraph(let subgraph): return subgraph.allNodes
            }
        }
    }

    /// Every edge statement, subgraphs included, in order.
    public var allEdges: [Edge] {
        statements.flatMap { statement -> [Edge] in
            switch statement {
            case .node: return []
            case .edge(let edge): return [edge]
            case .subgraph(let subgraph): return subgraph.allEdges
            }
        }
    }
}
