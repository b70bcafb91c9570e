import DOT
import RelationModel

extension ViewOptions {
    /// The model's relations of the given types, in model order; only those in force in `asOf` when set.
    func relations(of model: RelationModel, types: Set<RelationType>) -> [Relation] {
        model.relations.filter { includes($0, types: types) }
    }

    /// Whether the relation is of one of the types and, when a year is set, in force then.
    func includes(_ relation: Relation, types: Set<RelationType>) -> Bool {
        types.contains(relation.type) && (asOf.map(relation.isInForce(in:)) ?? true)
    }

    /// The diagram id, with the year when the diagram is limited to one: "alliances-2006".
    func diagramID(_ base: String) -> String { asOf.map { "\(base)-\($0)" } ?? base }

    /// The title, with the year when the diagram is limited to one.
    func title(_ base: String) -> String { asOf.map { "\(base) in \($0)" } ?? base }

    /// The caption's sentence about the year, if any.
    var yearSentence: String { asOf.map { " Relations in force in \($0); an undated one from the year of the first source that cites it." } ?? "" }
}

/// Which layout engine suits a network of a given size.
enum EngineChoice {
    /// Above this many nodes, sfdp is tuned for speed (straight edges, default spacing) and has no fallback.
    static let largeGraphNodes = 300

    /// sfdp, which packs a network's separate parts tightly, with neato to retry when it is small enough.
    static func network(nodeCount: Int) -> (engine: LayoutEngine, fallback: LayoutEngine?) {
        nodeCount > largeGraphNodes ? (.sfdp, nil) : (.sfdp, .neato)
    }

    /// dot, which ranks members beside their organizations and challengers beside their targets, for a graph small
    /// enough to lay out in time; sfdp above, chosen up front rather than after dot runs out of time.
    static func layered(nodeCount: Int, edgeCount: Int) -> (engine: LayoutEngine, fallback: LayoutEngine?) {
        isTooLargeForDot(nodeCount: nodeCount, edgeCount: edgeCount) ? (.sfdp, nil) : (.dot, .sfdp)
    }

    /// Above this many labelled edges, dot's ranking ran past a minute on synthetic models of 1,000 actors.
    static let largeLayeredEdges = 200

    static func isTooLargeForDot(nodeCount: Int, edgeCount: Int) -> Bool {
        nodeCount > largeGraphNodes || edgeCount > largeLayeredEdges
    }

    /// The caption's sentence when a layered view is too large for dot.
    static func layeredNote(nodeCount: Int, edgeCount: Int) -> String {
        isTooLargeForDot(nodeCount: nodeCount, edgeCount: edgeCount)
            ? " Laid out by sfdp, not in ranks, because the view has more than \(largeGraphNodes) actors or \(largeLayeredEdges) relations." : ""
    }

    /// The most actors × relations for which edges are routed as curves around the actors. Routing costs about
    /// that product (sfdp, Graphviz 2.43: 7,200 took 0.5 s, 40,000 took 2.6 s, 358,000 took 35 s); above it,
    /// edges are straight lines, which cost next to nothing.
    static let splineBudget = 20_000

    static func routesSplines(nodeCount: Int, edgeCount: Int) -> Bool {
        nodeCount <= largeGraphNodes && nodeCount * edgeCount <= splineBudget
    }

    /// The most nodes² × lines for which lines among pinned nodes are routed around them as polylines. Graphviz
    /// routes each line through the corners of every node of the drawing, faint ones included, so the cost grows
    /// with that product (neato, Graphviz 2.43: 194,000 took 0.46 s, 1.15 million 4.5 s, 5.5 million 10 s); above
    /// it, lines are straight.
    static let polylineBudget = 400_000

    /// Whether `lines` among `graph`'s pinned nodes are routed around them: within both budgets.
    static func routesPolylines(in graph: Graph, lines: Int, nodeCount: Int, edgeCount: Int) -> Bool {
        let obstacles = graph.allNodes.count
        return routesSplines(nodeCount: nodeCount, edgeCount: edgeCount) && obstacles * obstacles * lines <= polylineBudget
    }

    /// The caption's sentence when a network's edges are straight: as `routesSplines` decides, or `routed` says.
    static func straightEdgesNote(nodeCount: Int, edgeCount: Int, routed: Bool? = nil) -> String {
        routed ?? routesSplines(nodeCount: nodeCount, edgeCount: edgeCount) ? ""
            : " Edges are straight: routing curves around \(nodeCount) actors for \(edgeCount) relations would take too long."
    }

    /// neato, which leaves room for edge labels, for a network small enough; sfdp above.
    static func labelledNetwork(nodeCount: Int) -> (engine: LayoutEngine, fallback: LayoutEngine?) {
        nodeCount > largeGraphNodes ? (.sfdp, nil) : (.neato, .sfdp)
    }
}
