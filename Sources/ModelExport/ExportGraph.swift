import RelationModel

/// The model as the graph exports write it: actors (and, with hubs, multi-party relations) as nodes, and
/// one edge per link, in a graph that is directed throughout; the link's own `directed` says whether its
/// relation has a direction.
struct ExportGraph {
    /// A node: an actor, or a relation drawn as a hub.
    enum Node {
        case actor(Actor)
        case hub(Relation)

        var id: String {
            switch self {
            case .actor(let actor): return actor.id
            case .hub(let relation): return ExportGraph.hubID(relation.id)
            }
        }
    }

    /// An edge: one link of a relation, numbered from 1 within it (`summit.3`).
    struct Link {
        var relation: Relation
        var number: Int
        var source: String
        var target: String
        var directed: Bool

        var id: String { "\(relation.id).\(number)" }
    }

    var nodes: [Node]
    var links: [Link]

    /// The `kind` a hub node is given, beside the actors' kinds.
    static let hubKind = "relation"

    /// A hub's node id: `relation:ID`, which no actor id can be (ids are slugs without `:`).
    static func hubID(_ relationID: String) -> String { "relation:\(relationID)" }

    init(_ model: RelationModel, options: ExportOptions) {
        let sorted = model.sortedForExport
        let known = Set(model.actors.map(\.id))
        var hubs: [Node] = []
        var links: [Link] = []
        for relation in sorted.relations {
            let participants = relation.participants.filter { known.contains($0) }
            let pairs: [(String, String)]
            if options.hubs, participants.count > 2 {
                let hub = Self.hubID(relation.id)
                hubs.append(.hub(relation))
                pairs = relation.isDirected
                    ? [(participants[0], hub)] + participants.dropFirst().map { (hub, $0) }
                    : participants.map { ($0, hub) }
            } else {
                pairs = Self.pairs(participants, directed: relation.isDirected)
            }
            var number = 0
            for (source, target) in pairs {
                let arcs = relation.isDirected || options.undirected == .oneArc ? [(source, target)] : [(source, target), (target, source)]
                for (from, to) in arcs {
                    number += 1
                    links.append(Link(relation: relation, number: number, source: from, target: to, directed: relation.isDirected))
                }
            }
        }
        nodes = sorted.actors.map(Node.actor) + hubs
        self.links = links
    }

    /// The participant pairs a relation links: the first to each other one when directed, every pair (in
    /// model order) when not. A relation with one participant links none.
    static func pairs(_ participants: [String], directed: Bool) -> [(String, String)] {
        guard let first = participants.first else { return [] }
        if directed {
            return participants.dropFirst().map { (first, $0) }
        }
        var pairs: [(String, String)] = []
        for (index, from) in participants.enumerated() {
            for to in participants[(index + 1)...] {
                pairs.append((from, to))
            }
        }
        return pairs
    }
}
