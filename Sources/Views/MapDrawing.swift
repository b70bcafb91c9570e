import DOT
import DiagramStyle
import Geography

/// A map's xdot drawing operations (`XDotDrawing` writes the same language) for the `_background` every renderer
/// draws under a graph, in points: written byte by byte, since a map has tens of thousands of numbers, and
/// counting the elements each operation adds to the SVG (every polygon and line is one element), so the
/// SVG can be grouped by country afterwards (`SVGGroups`).
struct MapDrawing: Sendable {
    private(set) var text: [UInt8] = []
    /// `(classes, element count)` runs, and `(`/`)` to open and close a group, in drawing order.
    private(set) var groups: [String] = []
    private var elementsInRun = 0
    private var runClasses: String?

    /// Starts a run of elements that the SVG wraps in `<g class="classes">`; the run before ends.
    mutating func beginRun(_ classes: String) {
        endRun()
        runClasses = classes
    }

    /// Ends the current run of elements.
    mutating func endRun() {
        if elementsInRun > 0 { groups.append("\((runClasses ?? "").replacingOccurrences(of: " ", with: "."))=\(elementsInRun)") }
        runClasses = nil
        elementsInRun = 0
    }

    /// Opens a group holding the runs that follow, up to `closeGroup`.
    mutating func openGroup(_ classes: String) {
        endRun()
        groups.append("(" + classes.replacingOccurrences(of: " ", with: "."))
    }

    mutating func closeGroup() {
        endRun()
        groups.append(")")
    }

    /// Appends another drawing's operations and groups after this one's.
    mutating func append(_ other: MapDrawing) {
        endRun()
        var other = other
        other.endRun()
        text += other.text
        groups += other.groups
    }

    mutating func penColor(_ color: String) { op("c", color) }
    mutating func fillColor(_ color: String) { op("C", color) }
    mutating func penColor(_ color: Color) { penColor(color.rawValue) }
    mutating func fillColor(_ color: Color) { fillColor(color.rawValue) }

    /// `solid`, `dashed`, `dotted` or `setlinewidth(w)`.
    mutating func style(_ style: String) { op("S", style) }
    mutating func lineWidth(_ width: Double) { style("setlinewidth(\(Self.number(width)))") }

    mutating func polygon(_ points: [PlanePoint], filled: Bool = true) {
        guard points.count >= 3 else { return }
        operation(filled ? "P" : "p", points)
    }

    mutating func polyline(_ points: [PlanePoint]) {
        guard points.count >= 2 else { return }
        operation("L", points)
    }

    private mutating func operation(_ code: String, _ points: [PlanePoint]) {
        append("\(code) \(points.count)")
        for point in points {
            append(" ")
            appendNumber(point.x)
            append(" ")
            appendNumber(point.y)
        }
        append(" ")
        counted()
    }

    private mutating func counted() {
        elementsInRun += 1
    }

    /// An operation with a string argument: `c 7 -#ff0000`, the count being the string's UTF-8 bytes.
    private mutating func op(_ code: String?, _ argument: String) {
        if let code { append(code + " ") }
        append("\(argument.utf8.count) -")
        append(argument)
        append(" ")
    }

    private mutating func append(_ string: String) { text.append(contentsOf: string.utf8) }

    /// A number with at most one decimal, written without Foundation (a map has tens of thousands).
    private mutating func appendNumber(_ value: Double) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { text.append(UInt8(ascii: "-")) }
        let magnitude = tenths.magnitude
        append(String(magnitude / 10))
        if magnitude % 10 != 0 {
            text.append(UInt8(ascii: "."))
            text.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    static func number(_ value: Double) -> String {
        var drawing = MapDrawing()
        drawing.appendNumber(value)
        return String(decoding: drawing.text, as: UTF8.self)
    }

    var string: String { String(decoding: text, as: UTF8.self) }

    /// The graph comment that tells `SVGGroups` how to group the background's elements.
    var groupComment: String { "relmap-svg-groups " + groups.joined(separator: " ") }
}
