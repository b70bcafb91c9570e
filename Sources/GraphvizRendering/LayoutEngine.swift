/// A Graphviz layout program.
public enum LayoutEngine: String, Codable, CaseIterable, Sendable {
    case dot, neato, fdp, sfdp, circo, twopi
}
