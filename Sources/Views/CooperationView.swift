import DOT
import DiagramStyle
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
        // Labels on every line piled up between busy pairs: the domain is the line's colour, and the years and
        // summaries are in its tooltip and in the table beside the diagram.
        builder.mergedLabel = { _ in nil }
        for relation in relations {
            relation.participants.forEach { builder.addActor($0) }
        }
        for relation in relations {
            var look = EdgeLook(relation: relation)
            let domain = Palette.color(of: relation.details.domain)
            look.color = domain.color
            look.colorMeaning = domain.label
            look.penwidth = 2
            builder.addRelation(relation, look: look, label: nil)
        }
        let nodeCount = builder.actorIDs.count
        let choice: (engine: LayoutEngine, fallback: LayoutEngine?)
        var routed: Bool?
        if nodeCount <= StressLayout.maximumNodes {
            let edges = builder.graph.allEdges.map { ($0.from, $0.to) }
            builder.pin(StressLayout(nodes: builder.graph.allNodes.map(\.name), sizes: builder.nodeSizes, edges: edges).positions)
            routed = NetworkLayout.applyPinned(to: &builder.graph, lines: builder.lineCount, nodeCount: nodeCount, edgeCount: relations.count)
            builder.startsFromGivenPositions = true
            choice = (.neato, nil)
        } else {
            choice = EngineChoice.labelledNetwork(nodeCount: nodeCount)
            NetworkLayout.applyLabelled(to: &builder.graph, engine: choice.engine, nodeCount: nodeCount, edgeCount: relations.count)
        }
        builder.labelScale = NetworkLayout.labelScale(nodeCount: nodeCount)
        return builder.diagram(
            id: id, title: options.title(title),
            description: "Cooperation between actors, coloured by domain (colours of their own, not the relation types' of the other maps), several between one pair and domain as one wider line; a dot joins the parties of a cooperation among more than two. Hover a line for its relations and years.\(options.yearSentence)\(EngineChoice.straightEdgesNote(nodeCount: nodeCount, edgeCount: relations.count, routed: routed))",
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
        let years = relations.count == 1 ? relations[0].period.years : RelationText.span(relations)
        return [head.isEmpty ? nil : head, years].compactMap { $0 }.joined(separator: ", ")
    }
}
