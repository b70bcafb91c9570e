import DOT

/// One drawn view of the model, ready to render: the DOT graph plus what the page around it needs.
public struct Diagram: Sendable {
    /// A stable, file-name-safe id: "alliances", "focus-kyrgyzstan", "alliances-2006".
    public var id: String
    public var title: String
    /// One line: what the diagram shows and "Sources: …".
    public var caption: String
    public var graph: DOT.Graph
    /// The Graphviz layout engine to use.
    public var engine: LayoutEngine
    /// An engine to retry with when the first fails or takes too long.
    public var fallbackEngine: LayoutEngine?
    /// The relations drawn, in a stable order.
    public var relationIDs: [String]
    /// The actors drawn, in a stable order.
    public var actorIDs: [String]
    /// The symbols the diagram uses, each once.
    public var legend: [LegendEntry]
    /// Actors left out by the size cap (shown as "+N more").
    public var truncatedCount: Int
    /// Whether every node has a start position and lines are polylines, so that a neato layout does not depend
    /// on what the Graphviz process laid out before.
    public var startsFromGivenPositions = false

    public init(id: String, title: String, caption: String, graph: DOT.Graph, engine: LayoutEngine,
                fallbackEngine: LayoutEngine? = nil, relationIDs: [String], actorIDs: [String],
                legend: [LegendEntry], truncatedCount: Int = 0) {
        self.id = id
        self.title = title
        self.caption = caption
        self.graph = graph
        self.engine = engine
        self.fallbackEngine = fallbackEngine
        self.relationIDs = relationIDs
        self.actorIDs = actorIDs
        self.legend = legend
        self.truncatedCount = truncatedCount
    }

    /// The DOT text.
    public var dot: String { DOTEncoder().encode(graph) }
}
