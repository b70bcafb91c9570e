import DOT
import RelationModel

/// The edges drawn between the same two nodes for relations of one type and colour, merged into one edge so a
/// pair with many relations reads as one line, not a fan of near-identical ones.
struct ParallelEdges {
    /// One relation's edge as a view asked for it.
    struct Member {
        var relation: Relation
        var from: String
        var to: String
        var look: EdgeLook
        var label: String?
        var part: String?
        /// What sets this edge apart from others of its type between the same two actors, for merging; by default
        /// its part, so a deployment's tie from facility to host is not merged with the deployment itself.
        var group: String?

        /// The edge's key, unique in the diagram: the relation id, with the part of a relation drawn as several.
        var key: String { part.map { "\(relation.id)-\($0)" } ?? relation.id }
    }

    private(set) var members: [Member]

    init(_ first: Member) { members = [first] }

    var first: Member { members[0] }
    var relations: [Relation] { members.map(\.relation) }

    /// What parallel edges share: relation type, colour meaning, part and the two nodes in either direction.
    static func groupKey(of member: Member) -> [String] {
        let ends = [member.from, member.to].sorted()
        return [member.relation.type.rawValue, member.look.colorMeaning, member.group ?? member.part ?? "", ends[0], ends[1]]
    }

    mutating func append(_ member: Member) { members.append(member) }

    /// The merged look: the shared line style (solid when the relations differ), double only when every
    /// relation is hedged, wider the more relations.
    var look: EdgeLook {
        var look = first.look
        if members.contains(where: { $0.look.style != look.style }) {
            look.style = [.solid]
            look.styleMeaning = nil
        }
        if members.contains(where: { $0.look.isHedged != look.isHedged }) {
            look.isHedged = false
        }
        look.penwidth = first.look.penwidth * (1 + 0.4 * Double(members.count - 1).squareRoot())
        look.penwidth = min(look.penwidth, 3 * first.look.penwidth)
        return look
    }

    /// Whether the relations point both ways between the two nodes.
    var pointsBothWays: Bool {
        members.contains { $0.from != first.from }
    }

    /// The merged edge, labelled with `label`, its tooltip listing the relations and its link to the first.
    func edge(label: String?, model: RelationModel, links: LinkStyle) -> Edge {
        let look = look
        var edge = Edge(from: first.from, to: first.to, key: first.key + "-merged")
        look.apply(to: &edge)
        if look.isDirected, pointsBothWays {
            edge[.dir] = .both
            edge[.arrowtail] = look.arrowhead
        }
        if let label, !label.isEmpty { edge[.label] = .text(label) }
        let names = [first.from, first.to].map { model.actor($0)?.name ?? $0 }
        edge[.tooltip] = RelationText.tooltip(relations, between: names[0], and: names[1], in: model)
        edge[.url] = links.relationAnchor(first.relation)
        edge[.class] = RelationClasses.of(relations, base: "relation merged")
        return edge
    }
}
