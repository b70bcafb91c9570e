/// YAML double-quoted scalars, written so that any text reads back exactly.
public enum YAMLQuoting {
    /// `text` as a double-quoted YAML scalar, escaping quotes, backslashes and every character YAML would
    /// fold, strip or reject (controls, line and paragraph separators, the byte-order mark).
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                    || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF {
                    result += "\\u" + String(repeating: "0", count: 4 - String(value, radix: 16).count) + String(value, radix: 16, uppercase: true)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
