import DOT

/// Graph attributes for the force-directed layout (sfdp) and the ego layout (twopi): compact, no
/// overlapping nodes, so a network of about a hundred actors reads at page width.
enum NetworkLayout {
    /// sfdp settings: a small spring length and overlap removal allowed to shrink the layout, so nodes sit
    /// close up to `EngineChoice.largeGraphNodes`; straight edges when routing splines would be slow
    /// (`EngineChoice.routesSplines`).
    static func apply(to graph: inout Graph, nodeCount: Int, edgeCount: Int) {
        graph[.outputorder] = .edgesFirst
        graph[.overlap] = .prism
        graph[.sep] = "+4"
        graph[.esep] = "+2"
        if nodeCount <= EngineChoice.largeGraphNodes {
            graph[.k] = 0.4
            graph[.overlapScaling] = -2
        }
        graph[.splines] = EngineChoice.routesSplines(nodeCount: nodeCount, edgeCount: edgeCount) ? .spline : .line
    }

    /// neato settings for a small network whose edges carry labels: longer edges and more room around nodes,
    /// so the labels have space; above `EngineChoice.largeGraphNodes` the compact sfdp settings instead.
    static func applyLabelled(to graph: inout Graph, engine: LayoutEngine, nodeCount: Int, edgeCount: Int) {
        guard engine == .neato else { return apply(to: &graph, nodeCount: nodeCount, edgeCount: edgeCount) }
        graph[.outputorder] = .edgesFirst
        graph[.overlap] = .scale
        graph[.splines] = EngineChoice.routesSplines(nodeCount: nodeCount, edgeCount: edgeCount) ? .spline : .line
        graph[.sep] = "+8"
        graph[.esep] = "+4"
        graph.edgeDefaults[.len] = 1.6
    }

    /// An ego network around `root`: the actor at the centre, its neighbours on a ring around it. Polylines,
    /// because twopi's spline routing is not reproducible in Graphviz 2.43 (measured: 2 outputs in 8 runs).
    static func applyEgo(to graph: inout Graph, root: String) {
        graph[.root] = root
        graph[.ranksep] = 2.5
        graph[.overlap] = .remove
        graph[.splines] = .polyline
        graph[.sep] = "+4"
        graph[.outputorder] = .edgesFirst
    }

    /// neato settings for a focus diagram, which starts from `RadialLayout`'s positions (in points) with the
    /// focus actor pinned at the centre: overlaps removed with room for lines between the actors, and lines
    /// routed around the actors they do not join as polylines, whose routing (unlike curves) does not depend on
    /// what the Graphviz process laid out before.
    static func applyFocus(to graph: inout Graph) {
        graph[.outputorder] = .edgesFirst
        graph[.inputscale] = 72
        graph[.overlap] = .prism
        graph[.sep] = "+8"
        graph[.esep] = "+4"
        graph[.splines] = .polyline
    }

    /// neato settings for a diagram whose every node is pinned (positions in points): nothing moves, and lines
    /// are routed around the nodes they do not join as polylines, whose routing does not depend on what the
    /// Graphviz process laid out before; straight when routing would take too long (`EngineChoice.routesPolylines`),
    /// which the return value tells. Call it once every node is in the graph and `lines` is the number of lines.
    @discardableResult
    static func applyPinned(to graph: inout Graph, lines: Int, nodeCount: Int, edgeCount: Int) -> Bool {
        graph[.outputorder] = .edgesFirst
        graph[.inputscale] = 72
        graph[.overlap] = .keep
        let routes = EngineChoice.routesPolylines(in: graph, lines: lines, nodeCount: nodeCount, edgeCount: edgeCount)
        graph[.splines] = routes ? .polyline : .line
        graph[.esep] = "+4"
        return routes
    }

    /// How much larger the title and legend are drawn, so they stay legible when a large drawing is shrunk to
    /// page width: 1 up to about 25 nodes, growing with the square root of the count, at most 2.5.
    static func labelScale(nodeCount: Int) -> Double {
        min(max(Double(nodeCount).squareRoot() / 5, 1), 2.5)
    }
}
