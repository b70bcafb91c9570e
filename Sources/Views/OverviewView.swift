import DOT
import RelationModel

/// The whole network: every actor in a relation, every relation, coloured by type.
public enum OverviewView: View {
    public static let id = "overview"
    public static let title = "Overview of the network"

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        let relations = options.relations(of: model, types: Set(RelationType.allCases))
        guard !relations.isEmpty else { return nil }
        let id = options.diagramID(Self.id)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        builder.mergedLabel = RelationText.count
        builder.dropsUnlinkedActors = true
        for relation in relations {
            StandardDrawing.actors(of: relation).forEach { builder.addActor($0) }
        }
        for relation in relations {
            StandardDrawing.draw(relation, in: &builder, look: EdgeLook(relation: relation), label: nil)
        }
        let choice = EngineChoice.network(nodeCount: builder.actorIDs.count)
        NetworkLayout.apply(to: &builder.graph, nodeCount: builder.actorIDs.count, edgeCount: relations.count)
        builder.labelScale = NetworkLayout.labelScale(nodeCount: builder.actorIDs.count)
        let engineNote = EngineChoice.straightEdgesNote(nodeCount: builder.actorIDs.count, edgeCount: relations.count)
        return builder.diagram(
            id: id, title: options.title(title),
            description: "Every relation in the model, coloured by type, one line per pair and type (wider and counted when it stands for several); line style shows planned and ended relations; hover for details.\(options.yearSentence)\(engineNote)",
            engine: choice.engine, fallbackEngine: choice.fallback)
    }
}
