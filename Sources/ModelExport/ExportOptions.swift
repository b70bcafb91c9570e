/// How the graph exports (GraphML, GEXF, the links and actors tables) turn relations into edges.
public struct ExportOptions: Sendable, Hashable {
    /// How a link of an undirected relation is written in a graph that is directed throughout.
    public enum UndirectedLinks: String, CaseIterable, Sendable {
        /// One arc, from the participant named first to the other, with `directed` false: edge counts are the
        /// model's links, and `to_undirected()` gives the undirected graph.
        case oneArc = "one-arc"
        /// Two arcs, one each way, both with `directed` false: directed algorithms (reachability, in- and
        /// out-degree, directed betweenness) see the relation from both sides.
        case twoArcs = "two-arcs"
    }

    /// Relations with more than two participants become a node of their own, linked to each participant (as
    /// the diagrams draw them), instead of a link between every pair: degree and centrality then count a
    /// summit of ten once per participant, not nine times.
    public var hubs: Bool
    public var undirected: UndirectedLinks

    public init(hubs: Bool = false, undirected: UndirectedLinks = .oneArc) {
        self.hubs = hubs
        self.undirected = undirected
    }
}
