import DOT
import RelationModel

/// Graph attributes for force-directed layouts (neato, sfdp): no overlapping nodes, room for labels.
enum NetworkLayout {
    static func apply(to graph: inout Graph, engine: String) {
        graph[.overlap] = engine == "sfdp" ? .prism : .scale
        graph[.splines] = engine == "sfdp" ? .line : .spline
        graph[.sep] = "+8"
        graph[.esep] = "+4"
        graph.edgeDefaults[.len] = 1.6
        graph[.outputorder] = .edgesFirst
    }

}
