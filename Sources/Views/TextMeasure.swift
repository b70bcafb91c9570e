/// Widths of text as Graphviz draws it in DejaVu Sans, for sizing legend cells and planning node positions
/// before the layout runs. Characters outside the table count as a wide letter, so estimates err on the wide side.
enum TextMeasure {
    private static let index: [UInt32: Int] = Dictionary(uniqueKeysWithValues: TextWidths.scalars.enumerated().map { ($1, $0) })
    private static let fallback: UInt16 = 700

    /// The advance width of `text` in points at `size` points.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        let table = bold ? TextWidths.bold : TextWidths.regular
        var total = 0
        for scalar in text.unicodeScalars {
            total += Int(index[scalar.value].map { table[$0] } ?? fallback)
        }
        return Double(total) * size / 1000
    }

    /// The widest of several lines.
    static func width(lines: [String], size: Double, bold: Bool = false) -> Double {
        lines.map { width($0, size: size, bold: bold) }.max() ?? 0
    }

    /// `text` broken at spaces into lines of at most `limit` characters where it can be (a longer word stays whole).
    static func wrapped(_ text: String, limit: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > limit {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
