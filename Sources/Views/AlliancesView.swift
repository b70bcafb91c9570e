import DOT
import RelationModel

/// Organizations and their members, and alliances or pacts between actors, styled by kind and status.
public enum AlliancesView: View {
    public static let id = "alliances"
    public static let title = "Alliances and memberships"

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        let relations = options.relations(of: model, types: [.membership, .alliance])
        guard !relations.isEmpty else { return nil }
        let id = options.diagramID(Self.id)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        builder.graph[.rankdir] = .leftToRight
        builder.graph[.nodesep] = 0.25
        builder.graph[.ranksep] = 1.2
        for relation in relations {
            relation.participants.forEach { builder.addActor($0) }
        }
        for relation in relations {
            builder.addRelation(relation, look: EdgeLook(relation: relation), label: label(relation))
        }
        let organizations = relations.filter { $0.type == .membership }.compactMap { $0.participants.dropFirst().first }
        if !organizations.isEmpty {
            var rank = Subgraph("organizations", isCluster: false)
            rank[.rank] = .max
            var seen: Set<String> = []
            for organization in organizations where seen.insert(organization).inserted {
                rank.append(Node(organization))
            }
            builder.graph.append(rank)
        }
        let choice = EngineChoice.layered(nodeCount: builder.actorIDs.count, edgeCount: relations.count)
        return builder.diagram(
            id: id, title: options.title(title),
            description: "Members point to the organizations they belong to (open arrows); alliances and pacts join their parties. Labels give the role or alliance type and the years.\(options.yearSentence)\(EngineChoice.layeredNote(nodeCount: builder.actorIDs.count, edgeCount: relations.count))",
            engine: choice.engine, fallbackEngine: choice.fallback)
    }

    static func label(_ relation: Relation) -> String {
        var parts: [String] = []
        if let role = relation.details.role, role != .member { parts.append(role.rawValue) }
        if let type = relation.details.allianceType { parts.append(type.words) }
        if relation.status == .rejected || relation.status == .proposed { parts.append(relation.status.rawValue) }
        if let years = RelationText.years(relation) { parts.append(years) }
        return parts.joined(separator: ", ")
    }
}
