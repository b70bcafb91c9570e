import Crypto
import Foundation
import Hashing
import ParallelWork
import RelationModel
import SystemIO

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
        self.init(neighbours: NetworkMetrics.neighbours(in: model), processors: processors)
    }

    /// The figures for `model`, read from `cacheFolder` when they were computed there from the same links between
    /// actors (rewording, redating or citing anew links no one), and otherwise computed and saved there: on a
    /// model of 10,000 actors betweenness takes longer than the rest of a rebuild after one edit.
    public init(model: RelationModel, processors: Int = ProcessInfo.processInfo.activeProcessorCount, cacheFolder: String) {
        let neighbours = NetworkMetrics.neighbours(in: model)
        let links = NetworkMetrics.digest(of: neighbours)
        let path = "\(cacheFolder)/\(NetworkMetrics.cacheFile)"
        if let data = FileManager.default.contents(atPath: path), let saved = try? JSONDecoder().decode(Saved.self, from: data),
           saved.links == links, Set(saved.betweenness.keys) == Set(neighbours.keys), Set(saved.bloc.keys) == Set(neighbours.keys) {
            self.init(neighbours: neighbours, betweenness: saved.betweenness, bloc: saved.bloc)
            return
        }
        self.init(neighbours: neighbours, processors: processors)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Saved(links: links, betweenness: betweenness, bloc: bloc)) else { return }
        try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        try? AtomicFile.replace(path, with: data)
    }

    private init(neighbours: [String: [String]], processors: Int) {
        self.init(neighbours: neighbours, betweenness: NetworkMetrics.betweenness(neighbours, processors: processors),
                  bloc: NetworkMetrics.blocs(neighbours, degree: neighbours.mapValues(\.count)))
    }

    private init(neighbours: [String: [String]], betweenness: [String: Double], bloc: [String: String]) {
        self.neighbours = neighbours
        degree = neighbours.mapValues(\.count)
        self.betweenness = betweenness
        self.bloc = bloc
    }

    /// The file under a cache folder that keeps the last figures computed.
    static let cacheFile = "metrics.json"

    private struct Saved: Codable {
        var links: String
        var betweenness: [String: Double]
        var bloc: [String: String]
    }

    /// Each actor's neighbours, sorted: two actors are linked when some relation names both.
    static func neighbours(in model: RelationModel) -> [String: [String]] {
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
        return links.mapValues { $0.sorted() }
    }

    /// A SHA-256 over the actors in id order, each with its neighbours.
    static func digest(of neighbours: [String: [String]]) -> String {
        var hash = SHA256()
        for actor in neighbours.keys.sorted() {
            hash.update(data: Data((actor + "\u{0}" + neighbours[actor]!.joined(separator: "\u{0}") + "\u{1}").utf8))
        }
        return hash.finalize().hexadecimal
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
