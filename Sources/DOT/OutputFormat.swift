/// A file format a diagram is rendered to (Graphviz's `-T`); `dot` is the DOT source itself, written as is without
/// Graphviz.
public enum OutputFormat: String, Codable, CaseIterable, Sendable {
    case svg, png, pdf, dot

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }
}
