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
        for relation in relations {
            relation.participants.forEach { builder.addActor($0) }
        }
        let lengths = NetworkLayout.parallelLengths(relations)
        for relation in relations {
            var look = EdgeLook(relation: relation)
            look.length = lengths[relation.id]
            let domain = Palette.color(of: relation.details.domain)
            look.color = domain.color
            look.colorMeaning = domain.label
            look.penwidth = 2
            let label = [relation.details.domain.map { RelationText.words($0.rawValue) }, RelationText.years(relation)]
                .compactMap { $0 }.joined(separator: ", ")
            builder.addRelation(relation, look: look, label: label)
        }
        let choice = EngineChoice.network(nodeCount: builder.actorIDs.count)
        NetworkLayout.apply(to: &builder.graph, engine: choice.engine)
        return builder.diagram(
            id: id, title: options.title(title),
            description: "Cooperation between actors, coloured by domain and labelled with the domain and years; a dot joins the parties of a cooperation among more than two.\(options.yearSentence)",
            engine: choice.engine, fallbackEngine: choice.fallback)
    }
}
