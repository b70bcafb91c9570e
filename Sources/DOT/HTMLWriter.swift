import Foundation
import XMLText

/// Writes HTML-like labels for the encoder: well-formed markup with all text XML-escaped.
struct HTMLWriter {
    func markup(_ label: HTMLLabel) -> String {
        switch label {
        case .text(let runs): return runs.map(markup).joined()
        case .table(let table): return markup(table)
        }
    }

    func markup(_ table: HTMLTable) -> String {
        var attributes = [("BORDER", String(table.border)), ("CELLBORDER", String(table.cellBorder)),
                          ("CELLSPACING", String(table.cellSpacing)), ("CELLPADDING", String(table.cellPadding))]
        if let color = table.backgroundColor { attributes.append(("BGCOLOR", color.rawValue)) }
        if let color = table.color { attributes.append(("COLOR", color.rawValue)) }
        if let size = table.fixedSize {
            attributes += [("FIXEDSIZE", "TRUE"), ("WIDTH", String(size.width)), ("HEIGHT", String(size.height)),
                           ("ALIGN", "LEFT"), ("VALIGN", "BOTTOM")]
        }
        let rows = table.rows.map { "<TR>" + $0.map(markup).joined() + "</TR>" }.joined()
        return "<TABLE\(attributeText(attributes))>\(rows)</TABLE>"
    }

    func markup(_ cell: HTMLCell) -> String {
        var attributes: [(String, String)] = []
        if let span = cell.columnSpan { attributes.append(("COLSPAN", String(span))) }
        if let alignment = cell.alignment { attributes.append(("ALIGN", alignment.rawValue)) }
        if let alignment = cell.lineAlignment { attributes.append(("BALIGN", alignment.rawValue)) }
        if let color = cell.backgroundColor { attributes.append(("BGCOLOR", color.rawValue)) }
        if let color = cell.color { attributes.append(("COLOR", color.rawValue)) }
        if let border = cell.border { attributes.append(("BORDER", String(border))) }
        if let width = cell.width { attributes.append(("WIDTH", String(width))) }
        if let height = cell.height { attributes.append(("HEIGHT", String(height))) }
        if cell.isFixedSize { attributes.append(("FIXEDSIZE", "TRUE")) }
        if !cell.sides.isEmpty { attributes.append(("SIDES", cell.sides.map(\.rawValue).joined())) }
        if let style = cell.borderStyle { attributes.append(("STYLE", style.rawValue)) }
        if let padding = cell.cellPadding { attributes.append(("CELLPADDING", String(padding))) }
        let content: String
        switch cell.content {
        case .empty: content = ""
        case .text(let runs): content = runs.map(markup).joined()
        case .table(let table): content = markup(table)
        }
        return "<TD\(attributeText(attributes))>\(content)</TD>"
    }

    func markup(_ run: HTMLText) -> String {
        var text = run.string.replacingNewlines(with: "<BR/>", escaping: escaped)
        if run.isItalic { text = "<I>\(text)</I>" }
        if run.isBold { text = "<B>\(text)</B>" }
        var font: [(String, String)] = []
        if let color = run.color { font.append(("COLOR", color.rawValue)) }
        if let face = run.face { font.append(("FACE", face)) }
        if let size = run.pointSize { font.append(("POINT-SIZE", DOTEncoder.format(size))) }
        return font.isEmpty ? text : "<FONT\(attributeText(font))>\(text)</FONT>"
    }

    private func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.sorted { $0.0 < $1.0 }.map { " \($0.0)=\"\(escaped($0.1))\"" }.joined()
    }

    /// The text as a label's markup holds it (see `XMLText.escapedForGraphvizLabel`).
    func escaped(_ text: String) -> String {
        XMLText.escapedForGraphvizLabel(text)
    }
}

private extension String {
    /// Splits at newlines (`\n`, `\r\n`, `\r`), escapes each line and joins them with `separator`.
    func replacingNewlines(with separator: String, escaping escape: (String) -> String) -> String {
        let normalized = utf8.contains(UInt8(ascii: "\r"))
            ? replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : self
        return normalized.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
            .joined(separator: separator)
    }
}
