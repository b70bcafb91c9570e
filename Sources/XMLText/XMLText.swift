/// Text made safe for XML 1.0: element content, attribute values, and the text of Graphviz's HTML-like labels,
/// each escaped by one pass over the UTF-8 bytes with the few rules where they differ.
public enum XMLText {
    /// Escapes markup characters and replaces characters XML 1.0 cannot hold with U+FFFD; `inAttribute` also
    /// writes line breaks and tabs as character references, which an attribute value would turn into spaces.
    public static func escaped(_ text: String, inAttribute: Bool = false) -> String {
        escaped(text, for: inAttribute ? .attribute : .content)
    }

    /// Text for a Graphviz HTML-like label: markup escaped as XML, backslashes doubled (Graphviz interprets
    /// `\\`, `\N` and `\G` in HTML text), a tab as a space, and any other control character (C0, DEL and C1) or
    /// non-character as the reference `&#65533;`, since Graphviz reads the label as XML and draws U+FFFD.
    public static func escapedForGraphvizLabel(_ text: String) -> String {
        escaped(text, for: .graphvizLabel)
    }

    private enum Target { case content, attribute, graphvizLabel }

    private static func escaped(_ text: String, for target: Target) -> String {
        let isGraphviz = target == .graphvizLabel
        if !text.utf8.contains(where: { mayNeedEscaping($0) || (isGraphviz && ($0 == UInt8(ascii: "\\") || $0 == 0x7F)) }) {
            return text
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        // Text is valid UTF-8, so only ASCII bytes and the sequences of C1 controls, U+FFFE and U+FFFF need looking at.
        let bytes = Array(text.utf8)
        let unrepresentable = isGraphviz ? Array("&#65533;".utf8) : replacementCharacter
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): result += Array("&amp;".utf8)
            case UInt8(ascii: "<"): result += Array("&lt;".utf8)
            case UInt8(ascii: ">"): result += Array("&gt;".utf8)
            case UInt8(ascii: "\""): result += Array("&quot;".utf8)
            case UInt8(ascii: "'"): result += isGraphviz ? [byte] : Array("&apos;".utf8)
            case UInt8(ascii: "\\"): result += isGraphviz ? [byte, byte] : [byte]
            case UInt8(ascii: "\t"):
                switch target {
                case .content: result.append(byte)
                case .attribute: result += Array("&#9;".utf8)
                case .graphvizLabel: result.append(UInt8(ascii: " "))
                }
            case UInt8(ascii: "\n"):
                switch target {
                case .content: result.append(byte)
                case .attribute: result += Array("&#10;".utf8)
                case .graphvizLabel: result += unrepresentable
                }
            case UInt8(ascii: "\r"): result += isGraphviz ? unrepresentable : Array("&#13;".utf8)
            case 0..<0x20: result += unrepresentable
            case 0x7F where isGraphviz: result += unrepresentable
            case 0xC2 where isGraphviz && index < bytes.count && (0x80...0x9F).contains(bytes[index]):
                result += unrepresentable
                index += 1
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && (bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF):
                result += unrepresentable
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
