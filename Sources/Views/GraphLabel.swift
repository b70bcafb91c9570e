import DOT

/// The block drawn at the top of every diagram: title, caption, sources and legend.
enum GraphLabel {
    static func table(title: String, text: String, sources: String, legend: [LegendEntry]) -> HTMLLabel {
        var rows: [[HTMLCell]] = [[.text(HTMLText(title, bold: true, pointSize: 16), alignment: .left)]]
        rows.append([.text(HTMLText(wrapped(text), pointSize: 10), alignment: .left)])
        rows.append([.text(HTMLText(wrapped("Sources: " + sources), italic: true, pointSize: 9), alignment: .left)])
        if !legend.isEmpty {
            rows.append([HTMLCell(.table(legendTable(legend)), alignment: .left)])
        }
        return .table(HTMLTable(rows: rows, cellSpacing: 2, cellPadding: 2))
    }

    /// Legend entries three to a row, each a swatch and its meaning.
    static func legendTable(_ legend: [LegendEntry]) -> HTMLTable {
        let perRow = 3
        var rows: [[HTMLCell]] = []
        var index = 0
        while index < legend.count {
            let slice = legend[index..<min(index + perRow, legend.count)]
            rows.append(slice.flatMap { [swatch($0), .text(HTMLText($0.label, pointSize: 9), alignment: .left)] })
            index += perRow
        }
        return HTMLTable(rows: rows, border: 0, cellSpacing: 3, cellPadding: 1)
    }

    static func swatch(_ entry: LegendEntry) -> HTMLCell {
        switch entry.kind {
        case .node(let shape, let fill):
            return HTMLCell(.text([HTMLText(shape.rawValue, pointSize: 8)]), backgroundColor: fill, border: 1)
        case .edge(let style, let color):
            let dashed = style.items.contains(.dashed) ? HTMLCell.BorderStyle.dashed
                : style.items.contains(.dotted) ? .dotted : nil
            var cell = HTMLCell(color: color, border: 2, width: 36, height: 6)
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
