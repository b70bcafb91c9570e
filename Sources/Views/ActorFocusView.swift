import DOT
import RelationModel

/// One actor and everything within N relation steps of it, capped at a maximum number of actors with a
/// visible "+N more" marker when cut.
public enum ActorFocusView: View {
    public static let id = "focus"
    public static let title = "Actor focus"

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        guard let focus = options.focusActor, let actor = model.actor(focus) else { return nil }
        let allTypes = Set(RelationType.allCases)
        let involving = { (actor: String) in
            (model.relationPositionsByActor[actor] ?? []).filter { options.includes(model.relations[$0], types: allTypes) }
        }
        let hops = max(options.hops, 0)
        let reached = neighbourhood(of: focus, in: model, involving: involving, hops: hops)
        let kept = Array(reached.prefix(max(options.maximumNodes, 1)).map(\.actor))
        let truncated = reached.count - kept.count
        let id = options.diagramID("focus-\(focus)")
        var builder = DiagramBuilder(model: model, links: links, id: id)
        builder.mergedLabel = { [RelationText.count($0), RelationText.span($0)].compactMap { $0 }.joined(separator: ", ") }
        builder.dropsUnlinkedActors = true
        for actorID in kept {
            builder.addActor(actorID, emphasized: actorID == focus)
        }
        let inner = Set(reached.filter { $0.steps < hops }.map(\.actor))
        for position in Set(inner.flatMap(involving)).sorted() {
            let relation = model.relations[position]
            let actors = StandardDrawing.actors(of: relation)
            guard actors.contains(where: inner.contains) else { continue }
            StandardDrawing.draw(relation, in: &builder, look: EdgeLook(relation: relation), label: RelationText.years(relation))
        }
        if truncated > 0 {
            var marker = Node("more-actors")
            marker[.label] = .text("+\(truncated) more")
            marker[.shape] = .box
            marker[.style] = [.dashed, .rounded]
            marker[.tooltip] = "\(truncated) more actors within \(options.hops) steps; see \(actor.name)'s page for all relations"
            marker[.url] = links.actorPage(focus)
            builder.addMarker(marker)
            var edge = Edge(from: focus, to: "more-actors", key: "more-actors")
            edge[.style] = [.dashed]
            edge[.color] = Palette.grey
            edge[.dir] = EdgeDirection.none
            builder.graph.append(edge)
            builder.notes.append("\(truncated) more actors are cut to keep the picture readable.")
        }
        NetworkLayout.applyEgo(to: &builder.graph, root: focus)
        builder.labelScale = NetworkLayout.labelScale(nodeCount: kept.count)
        let steps = options.hops == 1 ? "one relation step" : "\(options.hops) relation steps"
        return builder.diagram(
            id: id, title: options.title("\(actor.name): relations"),
            description: "\(actor.name) and the actors within \(steps), with the relations that lead out to them, coloured by type; several relations of one type between two actors are one line, counted.\(options.yearSentence)",
            engine: "twopi", fallbackEngine: "sfdp", truncatedCount: truncated)
    }

    /// The focus actor, then actors by number of steps away, each step in model order of the relations;
    /// `involving` gives the positions of the relations drawn that involve an actor, ascending.
    static func neighbourhood(of focus: String, in model: RelationModel, involving: (String) -> [Int],
                              hops: Int) -> [(actor: String, steps: Int)] {
        var order = [(actor: focus, steps: 0)]
        var seen: Set<String> = [focus]
        var frontier = [focus]
        for step in 0..<hops where !frontier.isEmpty {
            var next: [String] = []
            for actor in frontier {
                for position in involving(actor) {
                    let actors = StandardDrawing.actors(of: model.relations[position])
                    guard actors.contains(actor) else { continue }
                    for other in actors where seen.insert(other).inserted {
                        order.append((other, step + 1))
                        next.append(other)
                    }
                }
            }
            frontier = next
        }
        return order
    }
}
