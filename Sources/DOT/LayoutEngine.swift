/// A Graphviz layout program, as a view chooses it for its diagram and the renderer runs it.
public enum LayoutEngine: String, Codable, CaseIterable, Sendable {
    case dot, neato, fdp, sfdp, circo, twopi
    /// `neato -n2`: every node stays at its `pos`, in points, and only the edges are routed; for maps, whose
    /// nodes sit at their projected places and whose `_background` is drawn in the same points.
    case nop2

    /// Whether the same DOT always gives the same layout. Graphviz 2.43's fdp does not on graphs with
    /// clusters, even as the `dot -Kfdp` command in fresh processes (measured: up to 7 different SVGs in
    /// 12 runs), so reproducible reports should use another engine; the rest are reproducible here.
    public var isReproducible: Bool { self != .fdp }

    /// Whether every node must come with a `pos`: nop2 lays nothing out and refuses a node without one.
    public var needsPositions: Bool { self == .nop2 }
}
