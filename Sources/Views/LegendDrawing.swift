import DOT
import DiagramStyle
import Foundation

/// A legend that shows what it means: each entry's symbol drawn as the diagram draws it (the node's shape and
/// fill, the line's colour, style, width and arrowhead) beside its meaning.
///
/// Inside a picture, the meanings are cells of the graph label's table and the symbols are drawn under them with
/// `_background` xdot operations, since an HTML-like label cannot draw a hexagon or an arrowhead. Every cell of
/// the legend has a fixed size and the label sits at the bottom left of the drawing (`labelloc=b`, `labeljust=l`),
/// where Graphviz puts it at the same place for every layout engine once it has moved the drawing to the origin:
/// the legend table's bottom-left corner is at (`origin`), 8 pt right of the label box's 4 pt margin plus the
/// outer table's cell spacing and padding. So the symbols can be placed before the layout runs. On a page, the
/// same shapes are written as small inline SVG images (`svg(of:)`).
struct LegendDrawing {
    /// One shape of a symbol, in points, y up, inside its swatch.
    enum Primitive {
        case polygon([XDotDrawing.Point], fill: Color?, stroke: Color, width: Double)
        case polyline([XDotDrawing.Point], stroke: Color, width: Double, style: StyleItem)
        case ellipse(centre: XDotDrawing.Point, radiusX: Double, radiusY: Double, fill: Color?, stroke: Color)
        /// A closed cubic Bézier path (a rounded box).
        case bezier([XDotDrawing.Point], fill: Color?, stroke: Color, width: Double)
    }

    /// Where the legend table's bottom-left corner lands in a laid-out graph whose label is at the bottom left:
    /// the label's 8 × 4 pt margin plus the outer table's cell spacing (2) and padding (2).
    static let origin = XDotDrawing.Point(x: 12, y: 8)

    let entries: [LegendEntry]
    let scale: Double

    /// The size of a swatch and of a row, and of the meaning's text, in points.
    var swatchWidth: Double { (44 * scale).rounded() }
    var rowHeight: Double { (22 * scale).rounded() }
    var textSize: Double { (12 * scale).rounded() }

    /// How many entries go in a row: as many as fit in `maximumWidth`, at most four.
    var columns: Int {
        for count in stride(from: min(4, max(entries.count, 1)), to: 1, by: -1)
            where columnWidths(count).reduce(0, +) <= 780 * scale {
            return count
        }
        return 1
    }

    /// The width of each column's text cell for `count` columns: its widest meaning plus room before the next
    /// column.
    func columnWidths(_ count: Int) -> [Double] {
        (0..<count).map { column in
            let widest = stride(from: column, to: entries.count, by: count)
                .map { TextMeasure.width(entries[$0].label, size: textSize) }.max() ?? 0
            return (widest + 6 + 18 * scale).rounded(.up)
        }
    }

    /// The legend as rows of an HTML-like table: an empty fixed-size cell where each symbol is drawn, then its
    /// meaning.
    var table: HTMLTable {
        let count = columns
        let widths = columnWidths(count)
        var rows: [[HTMLCell]] = []
        for start in stride(from: 0, to: entries.count, by: count) {
            var row: [HTMLCell] = []
            for (column, entry) in entries[start..<min(start + count, entries.count)].enumerated() {
                row.append(HTMLCell(width: Int(swatchWidth), height: Int(rowHeight), fixedSize: true))
                var meaning = HTMLCell.text(HTMLText(entry.label, pointSize: textSize), alignment: .left)
                meaning.width = Int(widths[column])
                meaning.height = Int(rowHeight)
                meaning.isFixedSize = true
                row.append(meaning)
            }
            rows.append(row)
        }
        // Fixed at its own size: in a caption wider than itself it would otherwise be stretched, and its meanings
        // would move off the symbols drawn for them.
        var table = HTMLTable(rows: rows, border: 0, cellSpacing: 0, cellPadding: 0)
        let width = widths.map { Int($0) + Int(swatchWidth) }.reduce(0, +)
        table.fixedSize = HTMLTable.Size(width: width, height: Int(rowHeight) * rows.count)
        return table
    }

    /// The symbols, drawn where `table`'s swatch cells land when its bottom-left corner is at `origin`.
    var background: XDotDrawing { symbols(at: Self.origin) }

    /// The symbols, drawn where `table`'s swatch cells land when its bottom-left corner is at `corner` (a map's
    /// key, a node whose table is pinned where the map needs it).
    func symbols(at corner: XDotDrawing.Point) -> XDotDrawing {
        let count = columns
        let widths = columnWidths(count)
        let rowCount = (entries.count + count - 1) / count
        var drawing = XDotDrawing()
        for (index, entry) in entries.enumerated() {
            let row = index / count, column = index % count
            let left = corner.x + widths.prefix(column).reduce(0, +) + Double(column) * swatchWidth
            let bottom = corner.y + Double(rowCount - 1 - row) * rowHeight
            for primitive in Self.primitives(of: entry.kind, x: left, y: bottom, width: swatchWidth, height: rowHeight) {
                Self.draw(primitive, into: &drawing)
            }
        }
        return drawing
    }

    /// The shapes of a symbol drawn in the swatch whose bottom-left corner is (x, y).
    static func primitives(of kind: LegendEntry.Kind, x: Double, y: Double, width: Double, height: Double) -> [Primitive] {
        switch kind {
        case .node(let node):
            let inset = (height * 0.18).rounded()
            return nodePrimitives(node, left: x + 3, bottom: y + inset, right: x + width - 5, top: y + height - inset)
        case .edge(let line):
            return linePrimitives(line, left: x + 2, right: x + width - 4, middle: y + height / 2)
        }
    }

    private static func nodePrimitives(_ node: NodeSymbol, left: Double, bottom: Double, right: Double, top: Double) -> [Primitive] {
        typealias P = XDotDrawing.Point
        let ink = Palette.ink
        let width = right - left, height = top - bottom
        let middleY = (bottom + top) / 2, middleX = (left + right) / 2
        func shape(_ points: [P]) -> Primitive { .polygon(points, fill: node.fill, stroke: ink, width: 1) }
        switch node.shape {
        case .ellipse, .oval, .circle:
            return [.ellipse(centre: P(x: middleX, y: middleY), radiusX: width / 2, radiusY: height / 2, fill: node.fill, stroke: ink)]
        case .point:
            return [.ellipse(centre: P(x: middleX, y: middleY), radiusX: 3, radiusY: 3, fill: ink, stroke: ink)]
        case .hexagon:
            let cut = width * 0.18
            return [shape([P(x: left, y: middleY), P(x: left + cut, y: top), P(x: right - cut, y: top), P(x: right, y: middleY),
                           P(x: right - cut, y: bottom), P(x: left + cut, y: bottom)])]
        case .octagon:
            let cut = height * 0.32
            return [shape([P(x: left + cut, y: top), P(x: right - cut, y: top), P(x: right, y: top - cut), P(x: right, y: bottom + cut),
                           P(x: right - cut, y: bottom), P(x: left + cut, y: bottom), P(x: left, y: bottom + cut), P(x: left, y: top - cut)])]
        case .house:
            let eaves = bottom + height * 0.6
            return [shape([P(x: left, y: bottom), P(x: right, y: bottom), P(x: right, y: eaves), P(x: middleX, y: top), P(x: left, y: eaves)])]
        case .note:
            let fold = height * 0.35
            return [shape([P(x: left, y: bottom), P(x: right, y: bottom), P(x: right, y: top - fold), P(x: right - fold, y: top), P(x: left, y: top)]),
                    .polyline([P(x: right - fold, y: top), P(x: right - fold, y: top - fold), P(x: right, y: top - fold)],
                              stroke: ink, width: 1, style: .solid)]
        case .component:
            let tab = (w: 6.0, h: height * 0.18)
            let tabs = [top - height * 0.22, bottom + height * 0.22 + tab.h].map { tabTop in
                Primitive.polygon([P(x: left - tab.w / 2, y: tabTop - tab.h), P(x: left + tab.w / 2, y: tabTop - tab.h),
                                   P(x: left + tab.w / 2, y: tabTop), P(x: left - tab.w / 2, y: tabTop)],
                                  fill: node.fill, stroke: ink, width: 1)
            }
            return [shape([P(x: left, y: bottom), P(x: right, y: bottom), P(x: right, y: top), P(x: left, y: top)])] + tabs
        default:
            guard node.isRounded else {
                return [shape([P(x: left, y: bottom), P(x: right, y: bottom), P(x: right, y: top), P(x: left, y: top)])]
            }
            return [.bezier(roundedBox(left: left, bottom: bottom, right: right, top: top, radius: min(5, height / 3)),
                            fill: node.fill, stroke: ink, width: 1)]
        }
    }

    /// A box with rounded corners as one closed cubic Bézier path: each side a straight segment, each corner a
    /// quarter circle.
    private static func roundedBox(left: Double, bottom: Double, right: Double, top: Double, radius: Double) -> [XDotDrawing.Point] {
        typealias P = XDotDrawing.Point
        let k = radius * 0.5523
        var points = [P(x: left + radius, y: bottom)]
        func line(to end: P) {
            let start = points.last!
            points += [P(x: start.x + (end.x - start.x) / 3, y: start.y + (end.y - start.y) / 3),
                       P(x: start.x + 2 * (end.x - start.x) / 3, y: start.y + 2 * (end.y - start.y) / 3), end]
        }
        line(to: P(x: right - radius, y: bottom))
        points += [P(x: right - radius + k, y: bottom), P(x: right, y: bottom + radius - k), P(x: right, y: bottom + radius)]
        line(to: P(x: right, y: top - radius))
        points += [P(x: right, y: top - radius + k), P(x: right - radius + k, y: top), P(x: right - radius, y: top)]
        line(to: P(x: left + radius, y: top))
        points += [P(x: left + radius - k, y: top), P(x: left, y: top - radius + k), P(x: left, y: top - radius)]
        line(to: P(x: left, y: bottom + radius))
        points += [P(x: left, y: bottom + radius - k), P(x: left + radius - k, y: bottom), P(x: left + radius, y: bottom)]
        return points
    }

    private static func linePrimitives(_ line: LineSymbol, left: Double, right: Double, middle: Double) -> [Primitive] {
        typealias P = XDotDrawing.Point
        let style: StyleItem = line.style.items.contains(.dashed) ? .dashed : line.style.items.contains(.dotted) ? .dotted : .solid
        let size = 4 + line.width
        if line.isDoubleLine {
            let offset = max(1.5, line.width)
            return [middle - offset, middle + offset].map { y in
                .polyline([P(x: left, y: y), P(x: right, y: y)], stroke: line.color, width: line.width, style: style)
            }
        }
        guard let arrow = line.arrowhead, arrow != .none else {
            return [.polyline([P(x: left, y: middle), P(x: right, y: middle)], stroke: line.color, width: line.width, style: style)]
        }
        let base = right - size * 1.6
        var shapes: [Primitive] = [.polyline([P(x: left, y: middle), P(x: base, y: middle)], stroke: line.color, width: line.width, style: style)]
        let half = size * 0.6
        switch arrow {
        case .empty:
            shapes.append(.polygon([P(x: base, y: middle - half), P(x: right, y: middle), P(x: base, y: middle + half)],
                                   fill: .white, stroke: line.color, width: 1))
        case .box:
            shapes.append(.polygon([P(x: base, y: middle - half), P(x: right, y: middle - half), P(x: right, y: middle + half),
                                    P(x: base, y: middle + half)], fill: line.color, stroke: line.color, width: 1))
        case .dot:
            shapes.append(.ellipse(centre: P(x: (base + right) / 2, y: middle), radiusX: half, radiusY: half, fill: line.color,
                                   stroke: line.color))
        case .vee:
            shapes.append(.polygon([P(x: base, y: middle - half), P(x: right, y: middle), P(x: base, y: middle + half),
                                    P(x: base + size * 0.5, y: middle)], fill: line.color, stroke: line.color, width: 1))
        default:
            shapes.append(.polygon([P(x: base, y: middle - half), P(x: right, y: middle), P(x: base, y: middle + half)],
                                   fill: line.color, stroke: line.color, width: 1))
        }
        return shapes
    }

    private static func draw(_ primitive: Primitive, into drawing: inout XDotDrawing) {
        switch primitive {
        case .polygon(let points, let fill, let stroke, let width):
            drawing.lineStyle(.solid, width: width)
            drawing.penColor(stroke)
            if let fill { drawing.fillColor(fill) }
            drawing.polygon(points, filled: fill != nil)
        case .polyline(let points, let stroke, let width, let style):
            drawing.lineStyle(style, width: width)
            drawing.penColor(stroke)
            drawing.polyline(points)
        case .ellipse(let centre, let radiusX, let radiusY, let fill, let stroke):
            drawing.lineStyle(.solid, width: 1)
            drawing.penColor(stroke)
            if let fill { drawing.fillColor(fill) }
            drawing.ellipse(centre: centre, radiusX: radiusX, radiusY: radiusY, filled: fill != nil)
        case .bezier(let points, let fill, let stroke, let width):
            drawing.lineStyle(.solid, width: width)
            drawing.penColor(stroke)
            if let fill { drawing.fillColor(fill) }
            drawing.bezier(points, filled: fill != nil)
        }
    }

    /// The symbol as a small inline SVG image for an HTML legend, drawn as in the picture (dashes as Graphviz
    /// writes them: 5,2 for dashed, 1,5 for dotted).
    static func svg(of kind: LegendEntry.Kind, width: Double = 44, height: Double = 22) -> String {
        func number(_ value: Double) -> String { DOTEncoder.format(value) }
        func points(_ list: [XDotDrawing.Point]) -> String {
            list.map { "\(number($0.x)),\(number(height - $0.y))" }.joined(separator: " ")
        }
        func fill(_ color: Color?) -> String { color.map(\.rawValue) ?? "none" }
        var body = ""
        for primitive in primitives(of: kind, x: 0, y: 0, width: width, height: height) {
            switch primitive {
            case .polygon(let list, let fillColor, let stroke, let lineWidth):
                body += "<polygon points=\"\(points(list))\" fill=\"\(fill(fillColor))\" stroke=\"\(stroke.rawValue)\" stroke-width=\"\(number(lineWidth))\"/>"
            case .polyline(let list, let stroke, let lineWidth, let style):
                let dash = style == .dashed ? " stroke-dasharray=\"5,2\"" : style == .dotted ? " stroke-dasharray=\"1,5\"" : ""
                body += "<polyline points=\"\(points(list))\" fill=\"none\" stroke=\"\(stroke.rawValue)\" stroke-width=\"\(number(lineWidth))\"\(dash)/>"
            case .ellipse(let centre, let radiusX, let radiusY, let fillColor, let stroke):
                body += "<ellipse cx=\"\(number(centre.x))\" cy=\"\(number(height - centre.y))\" rx=\"\(number(radiusX))\" ry=\"\(number(radiusY))\" fill=\"\(fill(fillColor))\" stroke=\"\(stroke.rawValue)\"/>"
            case .bezier(let list, let fillColor, let stroke, let lineWidth):
                var path = "M\(number(list[0].x)),\(number(height - list[0].y))"
                for index in stride(from: 1, to: list.count - 2, by: 3) {
                    path += "C" + points(Array(list[index...index + 2]))
                }
                body += "<path d=\"\(path)Z\" fill=\"\(fill(fillColor))\" stroke=\"\(stroke.rawValue)\" stroke-width=\"\(number(lineWidth))\"/>"
            }
        }
        return "<svg class=\"symbol\" width=\"\(number(width))\" height=\"\(number(height))\" viewBox=\"0 0 \(number(width)) \(number(height))\" aria-hidden=\"true\" focusable=\"false\">\(body)</svg>"
    }
}
