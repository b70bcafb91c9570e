/// What DOT text holds outside its double-quoted strings and HTML-like labels, for checking that no label
/// escaped its quoting: an injected `->` or `;` would show up outside.
public struct DOTLexicalScan {
    /// The text with every quoted string replaced by `""` and every HTML-like label by `<>`.
    public private(set) var outside = ""
    /// The contents of the HTML-like labels, outer brackets removed, in order.
    public private(set) var htmlLabels: [String] = []

    /// Scans `dot`; nil when a quoted string or an HTML-like label is left open.
    public init?(_ dot: String) {
        var scalars = Array(dot.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\"":
                var closed = false
                while let inner = scalars.popFirst() {
                    if inner == "\\" { _ = scalars.popFirst(); continue }
                    if inner == "\"" { closed = true; break }
                }
                guard closed else { return nil }
                outside += "\"\""
            case "<":
                var depth = 1
                var label = String.UnicodeScalarView()
                while depth > 0, let inner = scalars.popFirst() {
                    if inner == "<" { depth += 1 }
                    if inner == ">" { depth -= 1 }
                    if depth > 0 { label.append(inner) }
                }
                guard depth == 0 else { return nil }
                htmlLabels.append(String(label))
                outside += "<>"
            default:
                outside.unicodeScalars.append(scalar)
            }
        }
    }

    /// How often `token` occurs outside quoted strings and HTML-like labels.
    public func count(of token: String) -> Int {
        outside.components(separatedBy: token).count - 1
    }
}
