/// Text made safe for XML 1.0 element content and attribute values.
public enum XMLText {
    /// Escapes markup characters and replaces characters XML 1.0 cannot hold with U+FFFD; `inAttribute` also
    /// writes line breaks and tabs as character references, which an attribute value would turn into spaces.
    public static func escaped(_ text: String, inAttribute: Bool = false) -> String {
        if !text.utf8.contains(where: mayNeedEscaping) { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        // Text is valid UTF-8, so only ASCII bytes and the sequences of U+FFFE and U+FFFF need looking at.
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): result += Array("&amp;".utf8)
            case UInt8(ascii: "<"): result += Array("&lt;".utf8)
            case UInt8(ascii: ">"): result += Array("&gt;".utf8)
            case UInt8(ascii: "\""): result += Array("&quot;".utf8)
            case UInt8(ascii: "'"): result += Array("&apos;".utf8)
            case UInt8(ascii: "\r"): result += Array("&#13;".utf8)
            case UInt8(ascii: "\t"): result += inAttribute ? Array("&#9;".utf8) : [byte]
            case UInt8(ascii: "\n"): result += inAttribute ? Array("&#10;".utf8) : [byte]
            case 0..<0x20: result += replacementCharacter
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && (bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF):
                result += replacementCharacter
                index += 2
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// U+FFFD in UTF-8.
    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Whether a UTF-8 byte may be rewritten: markup, a control character, or part of a non-ASCII character
    /// (U+FFFE and U+FFFF are not XML characters).
    private static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
