/// Node shapes (polygon-based; record shapes are left out because their labels have their own syntax).
public enum Shape: String, KeywordAttributeValue, CaseIterable {
    case box, rect, rectangle, square, ellipse, oval, circle, doublecircle, point, plaintext, plain, none
    case note, tab, folder, box3d, component, cylinder, diamond, hexagon, octagon, doubleoctagon
    case house, invhouse, parallelogram, trapezium, triangle, invtriangle, egg, pentagon, septagon, star
    case underline, cds, promoter
    case mSquare = "Msquare", mDiamond = "Mdiamond", mCircle = "Mcircle"
}

/// One item of a node or edge `style`.
public enum StyleItem: String, Sendable, CaseIterable {
    case solid, dashed, dotted, bold, invis, filled, rounded, diagonals, striped, wedged, tapered, radial
}

/// A node, edge or cluster style: its items, written in the order given.
public struct Style: AttributeValue, Hashable, ExpressibleByArrayLiteral {
    public var items: [StyleItem]

    public init(_ items: [StyleItem]) { self.items = items }
    public init(arrayLiteral elements: StyleItem...) { items = elements }

    public func dotValue(as role: ValueRole) -> DOTValue { .plain(items.map(\.rawValue).joined(separator: ",")) }
}

/// Arrowhead and arrowtail shapes.
public enum ArrowType: String, KeywordAttributeValue, CaseIterable {
    case normal, inv, dot, invdot, odot, invodot, none, tee, empty, invempty, diamond, odiamond, ediamond
    case crow, box, obox, open, halfopen, vee
}

/// Which ends of an edge carry arrows.
public enum EdgeDirection: String, KeywordAttributeValue, CaseIterable {
    case forward, back, both, none
}

/// The direction `dot` lays ranks out in.
public enum RankDirection: String, KeywordAttributeValue, CaseIterable {
    case topToBottom = "TB", leftToRight = "LR", bottomToTop = "BT", rightToLeft = "RL"
}

/// Rank constraints for the nodes of a subgraph.
public enum Rank: String, KeywordAttributeValue, CaseIterable {
    case same, min, max, source, sink
}

/// How neato, fdp and sfdp remove node overlaps.
public enum Overlap: String, KeywordAttributeValue, CaseIterable {
    case keep = "true", remove = "false", scale, prism, compress, vpsc, orthoxy
}

/// How edges are drawn.
public enum Splines: String, KeywordAttributeValue, CaseIterable {
    case spline = "true", line = "false", none, polyline, curved, ortho
}

/// Vertical placement of a graph, cluster or node label.
public enum LabelLocation: String, KeywordAttributeValue, CaseIterable {
    case top = "t", center = "c", bottom = "b"
}

/// Horizontal placement of a graph or cluster label.
public enum LabelJustification: String, KeywordAttributeValue, CaseIterable {
    case left = "l", center = "c", right = "r"
}

/// The order in which nodes and edges are drawn.
public enum OutputOrder: String, KeywordAttributeValue, CaseIterable {
    case breadthFirst = "breadthfirst", nodesFirst = "nodesfirst", edgesFirst = "edgesfirst"
}
