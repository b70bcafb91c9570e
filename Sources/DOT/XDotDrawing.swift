/// Drawing operations in Graphviz's xdot language, for the `_background` graph attribute: Graphviz draws them
/// under the graph in every output format (SVG, and cairo's PNG and PDF). Coordinates are in points, y up, in
/// the laid-out graph's frame. Text is left out on purpose: Graphviz 2.43 crashes on a `T` operation in
/// `_background`, so text belongs in labels.
public struct XDotDrawing: Sendable, Hashable {
    /// A point in points, y up.
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// The operations, written out.
    public private(set) var text = ""

    public init() {}

    /// Operations already written in xdot (a map's basemap, written by a writer of its own).
    public init(operations: String) {
        var operations = operations
        while operations.utf8.last == UInt8(ascii: " ") { operations.removeLast() }
        while operations.utf8.first == UInt8(ascii: " ") { operations.removeFirst() }
        text = operations
    }

    public var isEmpty: Bool { text.isEmpty }

    /// The colour lines and outlines are drawn in from here on.
    public mutating func penColor(_ color: Color) { operation("c", string: color.rawValue) }

    /// The colour shapes are filled with from here on.
    public mutating func fillColor(_ color: Color) { operation("C", string: color.rawValue) }

    /// The line style from here on: solid, dashed or dotted, and a width in points.
    public mutating func lineStyle(_ item: StyleItem, width: Double) {
        operation("S", string: item.rawValue)
        operation("S", string: "setlinewidth(\(DOTEncoder.format(width)))")
    }

    /// A polygon, filled with the fill colour and outlined with the pen colour, or outlined only.
    public mutating func polygon(_ points: [Point], filled: Bool) {
        operation(filled ? "P" : "p", points: points)
    }

    /// An open line through the points.
    public mutating func polyline(_ points: [Point]) { operation("L", points: points) }

    /// A cubic Bézier path (1 + 3n points), filled or only outlined.
    public mutating func bezier(_ points: [Point], filled: Bool) {
        operation(filled ? "b" : "B", points: points)
    }

    /// An ellipse by its centre and radii, filled or only outlined.
    public mutating func ellipse(centre: Point, radiusX: Double, radiusY: Double, filled: Bool) {
        append(filled ? "E" : "e")
        append(DOTEncoder.format(centre.x), DOTEncoder.format(centre.y), DOTEncoder.format(radiusX), DOTEncoder.format(radiusY))
    }

    /// This drawing followed by `other`.
    public mutating func append(_ other: XDotDrawing) {
        guard !other.text.isEmpty else { return }
        text += text.isEmpty ? other.text : " " + other.text
    }

    private mutating func operation(_ code: String, string: String) {
        append(code, "\(string.utf8.count) -\(string)")
    }

    private mutating func operation(_ code: String, points: [Point]) {
        append(code, String(points.count))
        for point in points { append(DOTEncoder.format(point.x), DOTEncoder.format(point.y)) }
    }

    private mutating func append(_ words: String...) {
        for word in words {
            if !text.isEmpty { text += " " }
            text += word
        }
    }
}
