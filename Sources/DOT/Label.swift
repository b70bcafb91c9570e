/// A node, edge or graph label: literal text, justified lines, or an HTML-like label.
public enum Label: AttributeValue, Equatable {
    /// Text shown exactly as written; newlines break lines (centred).
    case text(String)
    /// Lines shown exactly as written, each justified left, centre or right.
    case lines([String], Justification)
    /// An HTML-like label built from typed parts.
    case html(HTMLLabel)

    public func dotValue(as role: ValueRole) -> DOTValue {
        switch self {
        case .text(let text): return .text(text)
        case .lines(let lines, let justification): return .justifiedLines(lines, justification)
        case .html(let label): return .html(label)
        }
    }
}

extension Label: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}
