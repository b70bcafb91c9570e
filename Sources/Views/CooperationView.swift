import DOT
import RelationModel

/// Who cooperates with whom, coloured by domain.
public enum CooperationView: View {
    public static let id = "cooperation"
    public static let title = "Cooperation network"

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        let relations = options.relations(of: model, types: [.cooperation])
        guard !relations.isEmpty else { return nil }
        let id = options.diagramID(Self.id)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        builder.mergedLabel = label
        for relation in relations {
            relation.participants.forEach { builder.addActor($0) }
        }
        for relation in relations {
            var look = EdgeLook(relation: relation)
            let domain = Palette.color(of: relation.details.domain)
            look.color = domain.color
            look.colorMeaning = domain.label
            look.penwidth = 2
            builder.addRelation(relation, look: look, label: label([relation]))
        }
        let choice = EngineChoice.labelledNetwork(nodeCount: builder.actorIDs.count)
        NetworkLayout.applyLabelled(to: &builder.graph, engine: choice.engine, nodeCount: builder.actorIDs.count,
                                    edgeCount: relations.count)
        builder.labelScale = NetworkLayout.labelScale(nodeCount: builder.actorIDs.count)
        return builder.diagram(
            id: id, title: options.title(title),
            description: "Cooperation between actors, coloured by domain and labelled with the domain and years, several between one pair and domain as one counted line; a dot joins the parties of a cooperation among more than two.\(options.yearSentence)\(EngineChoice.straightEdgesNote(nodeCount: builder.actorIDs.count, edgeCount: relations.count))",
            engine: choice.engine, fallbackEngine: choice.fallback)
    }

    /// The domains (each once), "×N" for several relations, and the years: "security, border ×3, 2006–2016".
    static func label(_ relations: [Relation]) -> String {
        var domains: [String] = []
        for domain in relations.compactMap(\.details.domain) where !domains.contains(domain.words) {
            domains.append(domain.words)
        }
        var head = domains.joined(separator: ", ")
        if relations.count > 1 { head += (head.isEmpty ? "" : " ") + "×\(relations.count)" }
        let years = relations.count == 1 ? RelationText.years(relations[0]) : RelationText.span(relations)
        return [head.isEmpty ? nil : head, years].compactMap { $0 }.joined(separator: ", ")
    }
}
