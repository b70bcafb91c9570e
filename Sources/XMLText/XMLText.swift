/// Text made safe for XML 1.0 element content and attribute values.
public enum XMLText {
    /// Escapes markup characters and replaces characters XML 1.0 cannot hold with U+FFFD; `inAttribute` also
    /// writes line breaks and tabs as character references, which an attribute value would turn into spaces.
    public static func escaped(_ text: String, inAttribute: Bool = false) -> String {
        if !text.utf8.contains(where: mayNeedEscaping) { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            case "\t": result += inAttribute ? "&#9;" : "\t"
            case "\n": result += inAttribute ? "&#10;" : "\n"
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value)
                result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// Whether a UTF-8 byte may be rewritten: markup, a control character, or part of a non-ASCII character
    /// (U+FFFE and U+FFFF are not XML characters).
    private static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
