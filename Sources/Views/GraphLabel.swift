import DOT

/// The block drawn with every diagram: title, caption, sources and legend, its type sizes times `scale`.
enum GraphLabel {
    static func table(title: String, text: String, sources: String, legend: [LegendEntry],
                      scale: Double = 1) -> HTMLLabel {
        let size = { (points: Double) in (points * scale).rounded() }
        var rows: [[HTMLCell]] = [[.text(HTMLText(title, bold: true, pointSize: size(16)), alignment: .left)]]
        rows.append([.text(HTMLText(wrapped(text), pointSize: size(10)), alignment: .left)])
        rows.append([.text(HTMLText(wrapped("Sources: " + sources), italic: true, pointSize: size(9)), alignment: .left)])
        if !legend.isEmpty {
            rows.append([HTMLCell(.table(legendTable(legend, scale: scale)), alignment: .left)])
        }
        return .table(HTMLTable(rows: rows, cellSpacing: 2, cellPadding: 2))
    }

    /// Legend entries three to a row, each a swatch and its meaning.
    static func legendTable(_ legend: [LegendEntry], scale: Double = 1) -> HTMLTable {
        let perRow = 3
        var rows: [[HTMLCell]] = []
        var index = 0
        while index < legend.count {
            let slice = legend[index..<min(index + perRow, legend.count)]
            rows.append(slice.flatMap { [swatch($0, scale: scale), .text(HTMLText($0.label, pointSize: (9 * scale).rounded()), alignment: .left)] })
            index += perRow
        }
        return HTMLTable(rows: rows, border: 0, cellSpacing: 3, cellPadding: 1)
    }

    static func swatch(_ entry: LegendEntry, scale: Double = 1) -> HTMLCell {
        switch entry.kind {
        case .node(let shape, let fill):
            return HTMLCell(.text([HTMLText(shape.rawValue, pointSize: (8 * scale).rounded())]), backgroundColor: fill, border: 1)
        case .edge(let style, let color):
            let dashed = style.items.contains(.dashed) ? HTMLCell.BorderStyle.dashed
                : style.items.contains(.dotted) ? .dotted : nil
            var cell = HTMLCell(color: color, border: Int((2 * scale).rounded()), width: Int((36 * scale).rounded()),
                                height: Int((6 * scale).rounded()))
            cell.sides = [.bottom]
            cell.borderStyle = dashed
            return cell
        }
    }

    /// Breaks text into lines of about 110 characters at spaces.
    static func wrapped(_ text: String, width: Int = 110) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
