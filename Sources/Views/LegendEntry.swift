import DOT

/// One legend line: a symbol actually used in a diagram and what it stands for.
public struct LegendEntry: Hashable, Sendable {
    /// The symbol: a node shape and fill, or an edge line style and colour.
    public enum Kind: Hashable, Sendable {
        case node(shape: Shape, fill: Color)
        case edge(style: Style, color: Color)
    }

    public var label: String
    public var kind: Kind

    public init(label: String, kind: Kind) {
        self.label = label
        self.kind = kind
    }

    /// The symbol in words, for text legends: "box", "dashed line".
    public var symbol: String {
        switch kind {
        case .node(let shape, _): return shape.rawValue
        case .edge(let style, _):
            let names = style.items.filter { $0 != .solid }.map(\.rawValue)
            return (names.isEmpty ? "solid" : names.joined(separator: " ")) + " line"
        }
    }

    /// The symbol's colour as a CSS colour (`#rrggbb` or `#rrggbbaa`).
    public var color: Color {
        switch kind {
        case .node(_, let fill): return fill
        case .edge(_, let color): return color
        }
    }
}
