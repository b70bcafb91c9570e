import DOT
import RelationModel

/// The pairs in dispute with each dispute's subject and stated quantities, and incidents with year and casualties.
public enum DisputesView: View {
    public static let id = "disputes"
    public static let title = "Disputes and incidents"

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        let relations = options.relations(of: model, types: [.dispute, .incident])
        guard !relations.isEmpty else { return nil }
        let id = options.diagramID(Self.id)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        builder.graph[.rankdir] = .leftToRight
        builder.graph[.nodesep] = 0.4
        builder.graph[.ranksep] = 1.6
        for relation in relations {
            StandardDrawing.actors(of: relation).forEach { builder.addActor($0) }
        }
        for relation in relations {
            StandardDrawing.draw(relation, in: &builder, look: look(relation), label: label(relation, in: model))
        }
        let choice = EngineChoice.layered(nodeCount: builder.actorIDs.count, edgeCount: relations.count)
        return builder.diagram(
            id: id, title: options.title(title),
            description: "Disputes point from challenger to target, labelled with subject and stated quantities; incidents point from initiator to target, labelled with year and casualties, heavier and darker the deadlier.\(options.yearSentence)\(EngineChoice.layeredNote(nodeCount: builder.actorIDs.count, edgeCount: relations.count))",
            engine: choice.engine, fallbackEngine: choice.fallback)
    }

    /// Disputes in the dispute colour; incidents in the incident colour, wider by severity (deaths, injuries,
    /// neither stated): colour keeps meaning the relation type, as on every map.
    static func look(_ relation: Relation) -> EdgeLook {
        var look = EdgeLook(relation: relation)
        guard relation.type == .incident else { return look }
        if let dead = relation.details.dead, dead > 0 {
            look.colorMeaning = "Incident with deaths (wider: more)"
            look.penwidth = 3 + min(Double(dead).squareRoot(), 5)
        } else if let injured = relation.details.injured, injured > 0 {
            look.colorMeaning = "Incident with injuries"
            look.penwidth = 2.5
        } else {
            look.colorMeaning = "Incident, no casualties stated"
            look.penwidth = 1.2
        }
        return look
    }

    static func label(_ relation: Relation, in model: RelationModel) -> String {
        var lines: [String] = []
        if relation.type == .dispute {
            var head = relation.details.subject.map { $0.words } ?? "dispute"
            if let place = relation.details.place { head += ": " + (model.actor(place)?.name ?? place) }
            lines.append(head)
            lines += relation.details.quantities.map(RelationText.quantity)
            if let years = RelationText.years(relation) { lines.append(years) }
        } else {
            var head = [relation.details.category.map { $0.words } ?? "incident",
                        relation.start.map(\.description)].compactMap { $0 }.joined(separator: ", ")
            if let place = relation.details.place, relation.participants.count > 1 {
                head += " at " + (model.actor(place)?.name ?? place)
            }
            lines.append(head)
            if let casualties = RelationText.casualties(relation) { lines.append(casualties) }
        }
        return lines.joined(separator: "\n")
    }
}
