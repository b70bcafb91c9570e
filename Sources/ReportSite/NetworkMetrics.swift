import Foundation
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

    /// Computes the figures; betweenness, the costly one, on `processors` threads.
    public init(model: RelationModel, processors: Int = ProcessInfo.processInfo.activeProcessorCount) {
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
        betweenness = NetworkMetrics.betweenness(neighbours, processors: processors)
        bloc = NetworkMetrics.blocs(neighbours, degree: degree)
    }

    /// The members of a bloc, sorted by id.
    public func members(ofBloc name: String) -> [String] {
        bloc.filter { $0.value == name }.map(\.key).sorted()
    }

    /// How many sources one share of the betweenness work covers. The shares are fixed by the graph alone and
    /// summed in order, so the result has the same bits whatever the number of processors.
    static let betweennessSourcesPerShare = 128

    /// Brandes (2001) for an unweighted undirected graph, normalised by (n-1)(n-2)/2. Works on integer indices
    /// (actors in id order, neighbours in id order); the sources are split into shares of
    /// `betweennessSourcesPerShare`, computed on `processors` threads and added up in share order, so the sums
    /// run in the same order on every build.
    static func betweenness(_ graph: [String: [String]], processors: Int) -> [String: Double] {
        let nodes = graph.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        let adjacency = nodes.map { node in (graph[node] ?? []).compactMap { index[$0] } }
        let count = nodes.count
        let shareCount = (count + betweennessSourcesPerShare - 1) / betweennessSourcesPerShare
        let shares = ParallelResults(count: shareCount, processors: processors) { share in
            let first = share * betweennessSourcesPerShare
            return dependencies(adjacency, sources: first..<min(count, first + betweennessSourcesPerShare))
        }
        var score = [Double](repeating: 0, count: count)
        for partial in shares.values {
            for node in 0..<count { score[node] += partial[node] }
        }
        let pairs = (Double(count) - 1) * (Double(count) - 2)
        // Each undirected path was counted from both ends, so halve, then divide by the (n-1)(n-2)/2 pairs.
        return Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, pairs > 0 ? score[$0] / pairs : 0) })
    }

    /// Brandes' accumulated dependencies of every node on shortest paths from each of `sources`, summed in
    /// source order.
    private static func dependencies(_ adjacency: [[Int]], sources: Range<Int>) -> [Double] {
        let count = adjacency.count
        var score = [Double](repeating: 0, count: count)
        var distance = [Int](repeating: -1, count: count)
        var paths = [Double](repeating: 0, count: count)
        var dependency = [Double](repeating: 0, count: count)
        var predecessors = [[Int]](repeating: [], count: count)
        var queue: [Int] = []
        queue.reserveCapacity(count)
        for source in sources {
            for node in queue {
                distance[node] = -1
                paths[node] = 0
                dependency[node] = 0
                predecessors[node].removeAll(keepingCapacity: true)
            }
            queue.removeAll(keepingCapacity: true)
            distance[source] = 0
            paths[source] = 1
            queue.append(source)
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for next in adjacency[node] {
                    if distance[next] < 0 {
                        distance[next] = distance[node] + 1
                        queue.append(next)
                    }
                    if distance[next] == distance[node] + 1 {
                        paths[next] += paths[node]
                        predecessors[next].append(node)
                    }
                }
            }
            // The queue in reverse is Brandes' stack: farthest nodes first.
            for node in queue.reversed() {
                for previous in predecessors[node] {
                    dependency[previous] += paths[previous] / paths[node] * (1 + dependency[node])
                }
                if node != source { score[node] += dependency[node] }
            }
        }
        return score
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
