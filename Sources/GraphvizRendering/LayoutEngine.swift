/// A Graphviz layout program.
public enum LayoutEngine: String, Codable, CaseIterable, Sendable {
    case dot, neato, fdp, sfdp, circo, twopi

    /// Whether the same DOT always gives the same layout. Graphviz 2.43's fdp does not on graphs with
    /// clusters, even as the `dot -Kfdp` command in fresh processes (measured: up to 7 different SVGs in
    /// 12 runs), so reproducible reports should use another engine; the rest are reproducible here.
    public var isReproducible: Bool { self != .fdp }
}
