import RelationModel

/// RFC 4180 records and fields, shared by the three CSV exports.
public enum CSVText {
    /// One CSV record ending in CRLF.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, neutralised against spreadsheet formulas and quoted when it holds a comma, a quote or a line
    /// break. A plain decimal number (`-12.5`) is left as it is: it is no formula, and a spreadsheet should
    /// read it as the number it is.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), !isPlainNumber(value) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// `-12`, `3.5`, `-0.25`: an optional minus, digits, and optionally a point and more digits.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        return !bytes.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }
}

/// A list inside one cell or attribute value, written as a JSON array of strings (`["Bakiyev","Bakiev"]`):
/// any text may hold the separator a spreadsheet would split on, and a JSON parser reads the list back exactly.
/// An empty list is an empty cell.
enum ListCell {
    static func text(_ items: [String]) -> String {
        items.isEmpty ? "" : "[" + items.map(JSONText.string).joined(separator: ",") + "]"
    }

    /// Quantities as a JSON array of `{"value", "unit", "what"}` objects, as in the JSON export.
    static func quantities(_ quantities: [Quantity]) -> String {
        quantities.isEmpty ? "" : "[" + quantities.map { quantity in
            "{\"value\":\(NumberText.shortest(quantity.value)),\"unit\":\(JSONText.string(quantity.unit)),\"what\":\(JSONText.string(quantity.what))}"
        }.joined(separator: ",") + "]"
    }
}

/// JSON string literals, written the same way every time: `"` and `\` escaped, control characters as `\n`,
/// `\t` or `\u00XX`, everything else as UTF-8.
enum JSONText {
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
