import DOT

/// The block drawn with every diagram, at its bottom left: title, caption, sources and legend, its type sizes
/// times `scale`; the legend's symbols are drawn under the label (see `LegendDrawing`).
enum GraphLabel {
    static func table(title: String, text: String, sources: String, legend: [LegendEntry],
                      scale: Double = 1) -> (label: HTMLLabel, symbols: XDotDrawing) {
        let size = { (points: Double) in (points * scale).rounded() }
        var rows: [[HTMLCell]] = [[.text(HTMLText(title, bold: true, pointSize: size(18)), alignment: .left)]]
        rows.append([.text(HTMLText(wrapped(text), pointSize: size(12)), alignment: .left)])
        rows.append([.text(HTMLText(wrapped("Sources: " + sources), italic: true, pointSize: size(12)), alignment: .left)])
        var symbols = XDotDrawing()
        if !legend.isEmpty {
            let drawing = LegendDrawing(entries: legend, scale: scale)
            rows.append([HTMLCell(.table(drawing.table), alignment: .left)])
            symbols = drawing.background
        }
        return (.table(HTMLTable(rows: rows, cellSpacing: 2, cellPadding: 2)), symbols)
    }

    /// Breaks text into lines of about 100 characters at spaces.
    static func wrapped(_ text: String, width: Int = 100) -> String {
        TextMeasure.wrapped(text, limit: width).joined(separator: "\n")
    }
}
