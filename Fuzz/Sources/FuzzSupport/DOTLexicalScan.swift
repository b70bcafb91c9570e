import Foundation

/// What DOT text holds outside quoted strings and HTML-like labels.
public struct DOTLexicalScan {
    public var outside = ""

    public init?(_ dot: String) {
        var characters = Array(dot.unicodeScalars)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\"":
                var closed = false
                while let inner = characters.popFirst() {
                    if inner == "\\" { _ = characters.popFirst(); continue }
                    if inner == "\"" { closed = true; break }
                }
                guard closed else { return nil }
                outside += "\"\""
            case "<":
                var depth = 1
                while depth > 0, let inner = characters.popFirst() {
                    if inner == "<" { depth += 1 }
                    if inner == ">" { depth -= 1 }
                }
                guard depth == 0 else { return nil }
                outside += "<>"
            default:
                outside.unicodeScalars.append(character)
            }
        }
    }

    /// How often `token` occurs outside quoted strings and HTML-like labels.
    public func count(of token: String) -> Int {
        outside.components(separatedBy: token).count - 1
    }
}
