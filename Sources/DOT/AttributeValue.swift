/// A value the encoder knows how to write, before quoting and escaping.
public enum DOTValue: Sendable, Equatable {
    /// Text to be shown exactly as written (an escString: the encoder escapes backslashes, quotes and
    /// entities, and turns newlines into centred line breaks).
    case text(String)
    /// Lines of text each shown exactly as written, ended by a justified line break.
    case justifiedLines([String], Justification)
    /// A tooltip shown exactly as written. Graphviz unescapes tooltips twice, so backslashes are quadrupled.
    case tooltip(String)
    /// A plain string attribute (a name, a keyword list); quotes and backslashes are escaped.
    case plain(String)
    /// An HTML-like label.
    case html(HTMLLabel)
    case number(Double)
    case integer(Int)
    case boolean(Bool)
}

/// How a line of an escString label is justified.
public enum Justification: String, Sendable, Equatable {
    case left = "l", center = "n", right = "r"
}

/// How Graphviz reads an attribute's string value.
public enum ValueRole: Sendable, Hashable {
    /// A name or keyword, taken as written.
    case plain
    /// An escString such as a label or URL: backslash sequences are interpreted once.
    case text
    /// A tooltip: backslash sequences are interpreted twice.
    case tooltip
}

/// A type that can be the value of a DOT attribute.
public protocol AttributeValue: Sendable {
    /// The value to write for an attribute Graphviz reads in `role`.
    func dotValue(as role: ValueRole) -> DOTValue
}

extension String: AttributeValue {
    public func dotValue(as role: ValueRole) -> DOTValue {
        switch role {
        case .plain: return .plain(self)
        case .text: return .text(self)
        case .tooltip: return .tooltip(self)
        }
    }
}

extension Double: AttributeValue {
    public func dotValue(as role: ValueRole) -> DOTValue { .number(self) }
}

extension Int: AttributeValue {
    public func dotValue(as role: ValueRole) -> DOTValue { .integer(self) }
}

extension Bool: AttributeValue {
    public func dotValue(as role: ValueRole) -> DOTValue { .boolean(self) }
}

/// Types whose DOT value is their raw value, written as a plain string.
public protocol KeywordAttributeValue: AttributeValue, RawRepresentable where RawValue == String {}

extension KeywordAttributeValue {
    public func dotValue(as role: ValueRole) -> DOTValue { .plain(rawValue) }
}
