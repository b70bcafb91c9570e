/// An edge's colours as a list: Graphviz draws one parallel line per colour, and a gap where an entry is
/// `invis`, so `c:invis:c` draws a double line in `c` that keeps the edge's style (dashed, dotted).
public struct ColorList: AttributeValue, Hashable {
    /// One line of the list: a colour, or an invisible line that leaves a gap.
    public enum Line: Hashable, Sendable {
        case color(Color)
        case gap
    }

    public var lines: [Line]

    public init(_ lines: [Line]) { self.lines = lines }

    /// Two lines in `color` with a gap between them.
    public static func doubleLine(_ color: Color) -> ColorList { ColorList([.color(color), .gap, .color(color)]) }

    public func dotValue(as role: ValueRole) -> DOTValue {
        .plain(lines.map { line in
            switch line {
            case .color(let color): color.rawValue
            case .gap: "invis"
            }
        }.joined(separator: ":"))
    }
}

extension AttributeKey where Value == ColorList {
    /// An edge's `color` given as several parallel lines; it replaces a single `color` and is replaced by one.
    public static var colorList: Self { .init("color") }
}
