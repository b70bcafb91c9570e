import DOT
import Foundation

/// Starting positions for a hub and its neighbours: the hub at the centre, each step out on an ellipse around
/// it (wider than tall, as boxes and screens are), the neighbours in the order given clockwise from the top, the
/// ellipse as long as their boxes laid end to end. neato starts from these, so actors that the order puts side
/// by side (a deployer and its facilities, the organisations an actor belongs to) stay side by side, and its
/// stress layout and overlap removal make the picture compact from there.
struct RadialLayout {
    /// A node's box in points.
    struct Size {
        var width: Double
        var height: Double
    }

    /// Space kept between two boxes, in points.
    static let gap = 10.0
    /// How much wider than tall the ellipses are.
    static let aspect = 1.6

    private(set) var positions: [String: Position] = [:]

    /// - Parameters:
    ///   - centre: the node at the centre.
    ///   - bands: the other nodes, one list per step out, each in the order they go round (clockwise from the top).
    ///   - sizes: every node's box.
    init(centre: String, bands: [[String]], sizes: [String: Size]) {
        let fallback = Size(width: 54, height: 36)
        positions[centre] = Position(x: 0, y: 0, pinned: true)
        var radius = 0.0
        for band in bands where !band.isEmpty {
            let boxes = band.map { sizes[$0] ?? fallback }
            let around = boxes.map { ($0.width + $0.height) / 2 + Self.gap }.reduce(0, +)
            // The perimeter of an ellipse of semi-axes a = aspect·b and b is about 2π·b·√((aspect² + 1) / 2).
            radius = max(radius + (boxes.map(\.height).max() ?? 36) * 2, around / (2 * Double.pi * ((Self.aspect * Self.aspect + 1) / 2).squareRoot()))
            for (index, id) in band.enumerated() {
                let angle = 2 * Double.pi * Double(index) / Double(band.count)
                positions[id] = Position(x: (radius * Self.aspect * sin(angle) * 100).rounded() / 100,
                                         y: (radius * cos(angle) * 100).rounded() / 100, pinned: false)
            }
        }
    }

    /// A node's box as Graphviz draws `lines` of text in a node of `shape` at `fontSize` points: the text plus
    /// the default margins (8 pt across, 4 pt down), at least 0.75 × 0.5 in, grown for shapes that draw corners
    /// or a roof around the text. Layouts made here keep boxes of this size apart and pin them, so a box smaller
    /// than the one Graphviz draws lets two nodes touch, and Graphviz then draws every line of the diagram
    /// straight, through whatever is in its way.
    static func size(of lines: [String], fontSize: Double, shape: Shape) -> Size {
        let text = TextMeasure.width(lines: lines, size: fontSize)
        var width = text + 16
        var height = Double(lines.count) * fontSize * 1.2 + 8
        switch shape {
        case .ellipse, .oval, .circle:
            width = max(width, 54) * 1.42
            height = max(height, 36) * 1.42
        case .component, .note:
            width = max(width, 54) + 12
        default:
            if let sides = polygonSides[shape] { (width, height) = polygonBox(width: width, height: height, sides: sides) }
        }
        return Size(width: max(width, 54).rounded(.up), height: max(height, 36).rounded(.up))
    }

    /// The sides of the polygon shapes whose box Graphviz grows around the label (`polygonBox`).
    private static let polygonSides: [Shape: Int] = [.house: 5, .pentagon: 5, .hexagon: 6, .septagon: 7, .octagon: 8]

    /// The box of a polygon of `sides` around a label of `width` × `height` points (margins included), as
    /// Graphviz's `poly_init` (lib/common/shapes.c) sizes it: an ellipse through the label's corners (for a
    /// label lower than the node's default height of 36 pt, an ellipse that tall), then the polygon around it.
    static func polygonBox(width: Double, height: Double, sides: Int) -> (width: Double, height: Double) {
        var (width, height) = (width, height)
        let diagonal = height * 2.squareRoot()
        if diagonal < 36 {
            width *= (1 / (1 - (height / 36) * (height / 36))).squareRoot()
        } else {
            width *= 2.squareRoot()
            height = diagonal
        }
        let inscribed = cos(Double.pi / Double(sides))
        return (width / inscribed, height / inscribed)
    }
}
