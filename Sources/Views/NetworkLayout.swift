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

    /// Longer preferred lengths for pairs joined by several relations, so their fanned edges keep labels apart.
    static func parallelLengths(_ relations: [Relation]) -> [String: Double] {
        var counts: [[String]: Int] = [:]
        for relation in relations where relation.participants.count == 2 {
            counts[relation.participants.sorted(), default: 0] += 1
        }
        var lengths: [String: Double] = [:]
        for relation in relations where relation.participants.count == 2 {
            let count = counts[relation.participants.sorted()] ?? 1
            if count > 1 { lengths[relation.id] = 1.6 + 0.6 * Double(count) }
        }
        return lengths
    }
}
