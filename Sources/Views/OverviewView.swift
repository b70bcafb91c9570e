import DOT
import DiagramStyle
import RelationModel

/// The whole network at the level analysts read it: states and organisations, and every relation between them,
/// coloured by type. People, agencies, facilities and places are folded into the state they belong to (their
/// relations become their state's, and the state's node counts them and links to its page, which lists them);
/// actors of no state (armed groups, collective actors) keep a node of their own.
public enum OverviewView: View {
    public static let id = "overview"
    public static let title = "Overview of the network"

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        let relations = options.relations(of: model, types: Set(RelationType.allCases))
        guard !relations.isEmpty else { return nil }
        let id = options.diagramID(Self.id)
        let folding = options.sharedValue("overview.folding") { Folding(model: model, relations: model.relations) }
        let drawn = relations.compactMap(folding.folded)
        let union = options.sharedValue("overview.union") { Union(model: model, folding: folding, links: links) }
        let stable = union.positions != nil
        var builder = DiagramBuilder(model: model, links: links, id: id)
        builder.mergedLabel = { _ in nil }
        builder.dropsUnlinkedActors = !stable
        draw(drawn, into: &builder, folding: folding)
        let nodeCount = builder.actorIDs.count
        var engine = EngineChoice.network(nodeCount: nodeCount)
        var notes: [String] = []
        var routed: Bool?
        if let positions = union.positions {
            if options.asOf != nil {
                // Actors with nothing in force this year stay where they are, faint, so the map does not move.
                for actor in union.actorIDs where !builder.contains(actor: actor) {
                    builder.addActor(actor) { node in
                        folding.count(into: actor, node: &node)
                        node[.fontcolor] = Palette.grey
                        node[.color] = Palette.lightGrey
                        node[.fillcolor] = Palette.faint
                        node[.class] = "actor faint"
                    }
                }
                notes.append("Actors with no relation in force that year are faint, in the place they have on every year's map.")
            }
            builder.pin(positions)
            routed = NetworkLayout.applyPinned(to: &builder.graph, lines: builder.lineCount, nodeCount: nodeCount, edgeCount: drawn.count)
            builder.startsFromGivenPositions = true
            engine = (.neato, nil)
        } else {
            NetworkLayout.apply(to: &builder.graph, nodeCount: nodeCount, edgeCount: drawn.count)
        }
        builder.labelScale = NetworkLayout.labelScale(nodeCount: nodeCount)
        if folding.foldedCount > 0 {
            notes.append("People, agencies, facilities and places are drawn as their state, which counts them; a relation within one state is shown on that state's page.")
        }
        builder.notes += notes
        let engineNote = EngineChoice.straightEdgesNote(nodeCount: nodeCount, edgeCount: drawn.count, routed: routed)
        return builder.diagram(
            id: id, title: options.title(title),
            description: "States and organisations and every relation between them, coloured by type, one line per pair and type (wider when it stands for several); line style shows planned and ended relations; hover for details.\(options.yearSentence)\(engineNote)",
            engine: engine.engine, fallbackEngine: engine.fallback)
    }

    /// Every year's relations drawn at once: the actors of all years, and where they stand on every year's map
    /// when there are few enough to place them once (`StressLayout`); nil positions leave each map to Graphviz.
    struct Union: Sendable {
        let actorIDs: [String]
        let positions: [String: Position]?

        init(model: RelationModel, folding: Folding, links: LinkStyle) {
            var union = DiagramBuilder(model: model, links: links, id: OverviewView.id)
            union.mergedLabel = { _ in nil }
            OverviewView.draw(model.relations.compactMap(folding.folded), into: &union, folding: folding)
            actorIDs = union.actorIDs
            guard union.actorIDs.count <= StressLayout.maximumNodes else {
                positions = nil
                return
            }
            let edges = union.graph.allEdges.map { ($0.from, $0.to) }
            positions = StressLayout.cached(nodes: union.graph.allNodes.map(\.name), sizes: union.nodeSizes, edges: edges)
        }
    }

    static func draw(_ relations: [Relation], into builder: inout DiagramBuilder, folding: Folding) {
        for relation in relations {
            StandardDrawing.actors(of: relation).forEach { actor in
                builder.addActor(actor) { node in folding.count(into: actor, node: &node) }
            }
        }
        for relation in relations {
            StandardDrawing.draw(relation, in: &builder, look: EdgeLook(relation: relation), label: nil)
        }
    }

    /// Which actor stands for which in the overview, and the relations as drawn between those.
    struct Folding: Sendable {
        let model: RelationModel
        /// How many actors named by relations each state stands for.
        let counts: [String: Int]

        init(model: RelationModel, relations: [Relation]) {
            self.model = model
            var counts: [String: Int] = [:]
            var seen: Set<String> = []
            for actor in relations.flatMap(\.involvedActors) where seen.insert(actor).inserted {
                let representative = Self.representative(of: actor, in: model)
                if representative != actor { counts[representative, default: 0] += 1 }
            }
            self.counts = counts
        }

        var foldedCount: Int { counts.values.reduce(0, +) }

        /// The state an actor is drawn as, or the actor itself: states and organisations stand for themselves,
        /// and so does an actor whose state is not in the model.
        func representative(of id: String) -> String { Self.representative(of: id, in: model) }

        static func representative(of id: String, in model: RelationModel) -> String {
            guard let actor = model.actor(id), actor.kind != .state, actor.kind != .organization,
                  let country = actor.country, model.actor(country)?.kind == .state
            else { return id }
            return country
        }

        /// The relation between representatives, or nil when it falls within one of them.
        func folded(_ relation: Relation) -> Relation? {
            var participants: [String] = []
            for participant in relation.participants.map(representative) where !participants.contains(participant) {
                participants.append(participant)
            }
            var folded = relation
            folded.participants = participants
            var details = relation.details
            details.facility = details.facility.map(representative).flatMap { participants.contains($0) ? nil : $0 }
            details.place = details.place.map(representative).flatMap { participants.contains($0) ? nil : $0 }
            folded.details = details
            let oneSided = relation.type == .incident && relation.participants.count == 1
            return participants.count >= 2 || oneSided ? folded : nil
        }

        /// Adds to a state's label how many of its actors it stands for.
        func count(into actor: String, node: inout Node) {
            guard let count = counts[actor], case .text(let name)? = node[.label] else { return }
            node[.label] = .text(name + "\n+\(count) of its actors")
        }
    }
}
