import RelationModel

/// Network figures over the undirected actor graph: two actors are linked when some relation names both.
///
/// Degree counts distinct neighbours; betweenness is Brandes' shortest-path betweenness, normalised to 0…1;
/// a bloc is a community found by label propagation with sorted tie-breaks, so the same model always
/// yields the same blocs.
public struct NetworkMetrics: Sendable {
    /// Each actor's neighbours, sorted by id.
    public let neighbours: [String: [String]]
    public let degree: [String: Int]
    public let betweenness: [String: Double]
    /// Each actor's bloc, named by its best-connected member's id.
    public let bloc: [String: String]

    public init(model: RelationModel) {
        var links: [String: Set<String>] = [:]
        for actor in model.actors { links[actor.id] = [] }
        for relation in model.relations {
            let ids = relation.involvedActors.filter { model.actor($0) != nil }
            for first in ids {
                for second in ids where second != first {
                    links[first, default: []].insert(second)
                }
            }
        }
        let neighbours = links.mapValues { $0.sorted() }
        self.neighbours = neighbours
        degree = neighbours.mapValues(\.count)
        betweenness = NetworkMetrics.betweenness(neighbours)
        bloc = NetworkMetrics.blocs(neighbours, degree: degree)
    }

    /// The members of a bloc, sorted by id.
    public func members(ofBloc name: String) -> [String] {
        bloc.filter { $0.value == name }.map(\.key).sorted()
    }

    /// Brandes (2001) for an unweighted undirected graph, normalised by (n-1)(n-2)/2.
    static func betweenness(_ graph: [String: [String]]) -> [String: Double] {
        let nodes = graph.keys.sorted()
        var score = Dictionary(uniqueKeysWithValues: nodes.map { ($0, 0.0) })
        for source in nodes {
            var stack: [String] = []
            var predecessors: [String: [String]] = [:]
            var paths: [String: Double] = [source: 1]
            var distance: [String: Int] = [source: 0]
            var queue = [source]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                stack.append(node)
                for next in graph[node] ?? [] {
                    if distance[next] == nil {
                        distance[next] = distance[node]! + 1
                        queue.append(next)
                    }
                    if distance[next] == distance[node]! + 1 {
                        paths[next, default: 0] += paths[node]!
                        predecessors[next, default: []].append(node)
                    }
                }
            }
            var dependency: [String: Double] = [:]
            for node in stack.reversed() {
                for previous in predecessors[node] ?? [] {
                    dependency[previous, default: 0] += paths[previous]! / paths[node]! * (1 + dependency[node, default: 0])
                }
                if node != source { score[node]! += dependency[node, default: 0] }
            }
        }
        let count = Double(nodes.count)
        let pairs = (count - 1) * (count - 2)
        // Each undirected path was counted from both ends, so halve, then divide by the (n-1)(n-2)/2 pairs.
        return score.mapValues { pairs > 0 ? $0 / pairs : 0 }
    }

    /// Asynchronous label propagation in id order; ties go to the smallest label; stops when stable.
    static func blocs(_ graph: [String: [String]], degree: [String: Int]) -> [String: String] {
        let nodes = graph.keys.sorted()
        var label = Dictionary(uniqueKeysWithValues: nodes.map { ($0, $0) })
        for _ in 0..<100 {
            var changed = false
            for node in nodes {
                let around = graph[node] ?? []
                guard !around.isEmpty else { continue }
                var counts: [String: Int] = [label[node]!: 1]
                for next in around { counts[label[next]!, default: 0] += 1 }
                let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
                if best != label[node] {
                    label[node] = best
                    changed = true
                }
            }
            if !changed { break }
        }
        var leader: [String: String] = [:]
        for (name, members) in Dictionary(grouping: nodes, by: { label[$0]! }) {
            leader[name] = members.min { (-(degree[$0] ?? 0), $0) < (-(degree[$1] ?? 0), $1) }!
        }
        return label.mapValues { leader[$0]! }
    }
}
