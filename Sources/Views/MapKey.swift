import DOT
import DiagramStyle
import Geography

/// A map's key: the diagram's legend, each symbol drawn as the map draws it beside its meaning, in a band under
/// the map. It is the legend table `LegendDrawing` makes for every diagram, as a node pinned under the map rather
/// than in the graph's label: `nop2` leaves the drawing where it is, so only a pinned node's place is known before
/// layout, and a table of fixed-size cells has a known size, so its symbols can be drawn under its cells.
enum MapKey {
    /// Adds the key of `diagram.legend` under the map (whose bottom is y = 0): the table node, and the symbols in the
    /// background. Entries named in `hatched` get their swatch hatched as the map hatches that area.
    static func add(to diagram: inout Diagram, hatched: [String: MapPanel.AreaStyle.Pattern] = [:]) {
        guard !diagram.legend.isEmpty else { return }
        let legend = LegendDrawing(entries: diagram.legend, scale: 1)
        let columns = legend.columns
        let widths = legend.columnWidths(columns)
        let rows = (diagram.legend.count + columns - 1) / columns
        let width = widths.reduce(0, +) + Double(columns) * legend.swatchWidth
        let height = Double(rows) * legend.rowHeight
        let corner = XDotDrawing.Point(x: 6, y: -(height + 12))
        var node = Node("map-key")
        node[.shape] = .plain
        node[.label] = .html(.table(legend.table))
        node[.pos] = Position(x: corner.x + width / 2, y: corner.y + height / 2)
        node[.class] = "map-key"
        diagram.graph.append(node)
        var symbols = legend.symbols(at: corner)
        for (index, entry) in diagram.legend.enumerated() {
            guard let pattern = hatched[entry.label], pattern != .solid else { continue }
            let row = index / columns, column = index % columns
            let left = corner.x + widths.prefix(column).reduce(0, +) + Double(column) * legend.swatchWidth
            let bottom = corner.y + Double(rows - 1 - row) * legend.rowHeight
            let inset = (legend.rowHeight * 0.18).rounded()
            let swatch = [PlanePoint(x: left + 3, y: bottom + inset), PlanePoint(x: left + legend.swatchWidth - 5, y: bottom + inset),
                          PlanePoint(x: left + legend.swatchWidth - 5, y: bottom + legend.rowHeight - inset),
                          PlanePoint(x: left + 3, y: bottom + legend.rowHeight - inset)]
            symbols.lineStyle(.solid, width: pattern == .crossHatched ? 0.7 : 1)
            symbols.penColor(Palette.ink)
            for line in MapPanel.hatching(swatch, spacing: pattern == .crossHatched ? 5 : 4, crossed: pattern == .crossHatched) {
                symbols.polyline(line.map { XDotDrawing.Point(x: $0.x, y: $0.y) })
            }
        }
        var background = XDotDrawing(operations: diagram.graph[.background] ?? "")
        background.append(symbols)
        diagram.graph[.background] = background.text
    }
}
