import DOT

/// One legend line: a symbol actually used in a diagram and what it stands for.
public struct LegendEntry: Hashable, Sendable {
    /// The symbol: a node as drawn, or a line as drawn.
    public enum Kind: Hashable, Sendable {
        case node(NodeSymbol)
        case edge(LineSymbol)
    }

    public var label: String
    public var kind: Kind

    public init(label: String, kind: Kind) {
        self.label = label
        self.kind = kind
    }

    /// The symbol in words, for text legends: "rounded box", "dashed line".
    public var symbol: String {
        switch kind {
        case .node(let node): return (node.isRounded ? "rounded " : "") + node.shape.rawValue
        case .edge(let line):
            let names = line.style.items.filter { $0 != .solid }.map(\.rawValue)
            let pattern = names.isEmpty ? (line.isDoubleLine ? "" : "solid ") : names.joined(separator: " ") + " "
            return (line.isDoubleLine ? "double " : "") + pattern + "line"
        }
    }

    /// The symbol drawn as the diagram draws it, as a small inline SVG image for an HTML legend.
    public var picture: String { LegendDrawing.svg(of: kind) }

    /// The symbol's colour as a CSS colour (`#rrggbb` or `#rrggbbaa`).
    public var color: Color {
        switch kind {
        case .node(let node): return node.fill
        case .edge(let line): return line.color
        }
    }
}

/// A node's look in a legend: its shape, fill and corners.
public struct NodeSymbol: Hashable, Sendable {
    public var shape: Shape
    public var fill: Color
    public var isRounded: Bool

    public init(shape: Shape, fill: Color, isRounded: Bool = false) {
        self.shape = shape
        self.fill = fill
        self.isRounded = isRounded
    }
}

/// A line's look in a legend: style, colour, width, the arrowhead at its end (nil for none), and whether it is
/// drawn as two parallel lines.
public struct LineSymbol: Hashable, Sendable {
    public var style: Style
    public var color: Color
    public var width: Double
    public var arrowhead: ArrowType?
    public var isDoubleLine: Bool

    public init(style: Style = [.solid], color: Color, width: Double = 1.4, arrowhead: ArrowType? = nil,
                isDoubleLine: Bool = false) {
        self.style = style
        self.color = color
        self.width = width
        self.arrowhead = arrowhead
        self.isDoubleLine = isDoubleLine
    }
}
