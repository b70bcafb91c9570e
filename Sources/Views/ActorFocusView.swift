import DOT
import DiagramStyle
import RelationModel

/// One actor and everything within N relation steps of it, capped at a maximum number of actors with a
/// visible "+N more" marker when cut.
///
/// Every relation that names the actor in any role is drawn: as a participant, or as the place, facility or
/// claimed place of a relation between others (a city's meetings, a base's deployments). A hub reads when each
/// counterpart is joined to it by one line per relation type: a relation among several parties is drawn as a
/// line from the actor to each of the others, several relations of one type between the same two actors are one
/// line, wider the more there are, and lines carry no labels; their relations, years and sources are in the
/// tooltip and in the table beside the diagram.
public enum ActorFocusView: View {
    public static let id = "focus"
    public static let title = "Actor focus"

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        guard let focus = options.focusActor, let actor = model.actor(focus) else { return nil }
        let allTypes = Set(RelationType.allCases)
        let involving = { (actor: String) in
            (model.relationPositionsByActor[actor] ?? []).filter { options.includes(model.relations[$0], types: allTypes) }
        }
        // An actor no relation names gets no map of one lonely box; its page says it has no relations.
        guard !involving(focus).isEmpty else { return nil }
        let hops = max(options.hops, 0)
        let reached = neighbourhood(of: focus, in: model, involving: involving, hops: hops)
        let kept = Array(reached.prefix(max(options.maximumNodes, 1)).map(\.actor))
        let truncated = reached.count - kept.count
        let id = options.diagramID("focus-\(focus)")
        var builder = DiagramBuilder(model: model, links: links, id: id)
        builder.mergedLabel = { _ in nil }
        builder.dropsUnlinkedActors = true
        for actorID in kept {
            builder.addActor(actorID, emphasized: actorID == focus)
        }
        let inner = reached.filter { $0.steps < hops }.map(\.actor)
        var drawn: Set<[String]> = []
        for position in Set(inner.flatMap(involving)).sorted() {
            let relation = model.relations[position]
            for centre in inner where involvedActors(of: relation).contains(centre) {
                draw(relation, around: centre, in: &builder, drawn: &drawn)
            }
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
        builder.pin(RadialLayout(centre: focus, bands: bands(around: focus, reached: reached, kept: kept, in: model,
                                                            builder: builder, truncated: truncated > 0),
                                 sizes: builder.nodeSizes).positions)
        NetworkLayout.applyFocus(to: &builder.graph)
        builder.startsFromGivenPositions = true
        let steps = options.hops == 1 ? "one relation step" : "\(options.hops) relation steps"
        return builder.diagram(
            id: id, title: options.title("\(actor.name): relations"),
            description: "\(actor.name) and the actors within \(steps), joined by one line per relation type, coloured by type and wider the more relations it stands for; a thin line leads to the place or facility a relation names. Hover a line for its relations.\(options.yearSentence)",
            engine: .neato, fallbackEngine: .sfdp, truncatedCount: truncated)
    }

    /// The actors around the focus, one list per step out, in the order they go round: by the kind of relation
    /// that ties them in (memberships, alliances, agreements, cooperation, meetings, deployments, disputes,
    /// incidents, then places), a facility after the actor deployed at it, then by name.
    static func bands(around focus: String, reached: [(actor: String, steps: Int, via: String)], kept: [String],
                      in model: RelationModel, builder: DiagramBuilder, truncated: Bool) -> [[String]] {
        let keptSet = Set(kept)
        let rank: [RelationType: Int] = [.membership: 0, .alliance: 1, .agreement: 2, .cooperation: 3, .meeting: 4,
                                         .baseDeployment: 5, .dispute: 6, .incident: 7]
        var tie: [String: Int] = [:]
        var deployer: [String: String] = [:]
        for id in builder.relationIDs {
            guard let relation = model.relation(id) else { continue }
            let actors = involvedActors(of: relation)
            let order = relation.participants.contains(focus) ? rank[relation.type] ?? 8 : 8
            for actor in actors where actor != focus { tie[actor] = min(tie[actor] ?? 9, order) }
            if relation.type == .baseDeployment, let via = StandardDrawing.via(relation), let first = relation.participants.first {
                deployer[via] = deployer[via] ?? first
            }
        }
        func name(_ id: String) -> String { model.actor(id)?.name ?? id }
        func key(_ id: String) -> (Int, String, Int, String) {
            if let by = deployer[id], by != focus, keptSet.contains(by) { return (tie[by] ?? 9, name(by), 1, name(id)) }
            return (tie[id] ?? 9, name(id), 0, "")
        }
        let deepest = reached.filter { keptSet.contains($0.actor) }.map(\.steps).max() ?? 0
        var bands: [[String]] = []
        for step in 1...max(deepest, 1) {
            let members = reached.filter { $0.steps == step && keptSet.contains($0.actor) && builder.contains(actor: $0.actor) }
            bands.append(members.sorted { key($0.actor) < key($1.actor) }.map(\.actor))
        }
        // Markers of events with one known side (a protest, a riot) go round with the actors.
        let listed = Set(bands.joined())
        bands[0] += builder.graph.allNodes.map(\.name).filter { $0 != focus && !listed.contains($0) && $0 != "more-actors" }
        if truncated { bands[bands.count - 1].append("more-actors") }
        return bands
    }

    /// Every actor a relation names: its participants, its facility and place, and places claimed for it.
    static func involvedActors(of relation: Relation) -> [String] { relation.involvedActors }

    /// Draws `relation` as seen from `centre`: a deployment as deployer → facility → host (also around the
    /// facility); otherwise a line from `centre` to each other participant (in the relation's direction when
    /// `centre` is its first or second participant), or, when `centre` is where the relation happened, a thin line
    /// from each participant to it.
    /// `drawn` keeps each pair of a relation once, whichever of its actors is the centre.
    static func draw(_ relation: Relation, around centre: String, in builder: inout DiagramBuilder,
                     drawn: inout Set<[String]>) {
        let participants = relation.participants
        func once(_ from: String, _ to: String) -> Bool {
            drawn.insert([relation.id] + [from, to].sorted()).inserted
        }
        if relation.type == .incident, participants == [centre] {
            guard once(centre, StandardDrawing.via(relation) ?? "event") else { return }
            return StandardDrawing.draw(relation, in: &builder, look: EdgeLook(relation: relation), label: nil)
        }
        // A deployment as everywhere else, deployer → facility → host, on its facility's map too when all three
        // are drawn: thin lines from each party would not show who is deployed where.
        if relation.type == .baseDeployment, participants.contains(centre) || StandardDrawing.via(relation) == centre {
            let actors = StandardDrawing.actors(of: relation)
            if actors.allSatisfy(builder.contains(actor:)) {
                guard once(actors[0], actors.last!) else { return }
                return StandardDrawing.draw(relation, in: &builder, look: EdgeLook(relation: relation), label: nil)
            }
            if participants.contains(centre) { return }
        }
        guard participants.contains(centre) else {
            var look = EdgeLook(relation: relation)
            look.colorMeaning = "Where it happened or is based (thin, coloured by type)"
            look.legendColor = Palette.ink
            look.penwidth = 0.8
            look.isDirected = true
            look.arrowhead = .dot
            EdgeLook(relation: relation).legendEntries.prefix(1).forEach { builder.addLegendEntry($0) }
            for participant in participants where builder.contains(actor: participant) && once(participant, centre) {
                builder.addEdge(relation, from: participant, to: centre, look: look, label: nil, part: "at-\(participant)",
                                group: "at")
            }
            return
        }
        for other in involvedActors(of: relation) where other != centre && builder.contains(actor: other) {
            guard participants.contains(other), once(centre, other) else { continue }
            var look = EdgeLook(relation: relation)
            let ordered = [participants[0], participants.count > 1 ? participants[1] : participants[0]]
            look.isDirected = look.isDirected && Set(ordered) == Set([centre, other])
            let (from, to) = participants.firstIndex(of: centre)! < participants.firstIndex(of: other)! ? (centre, other) : (other, centre)
            builder.addEdge(relation, from: from, to: to, look: look, label: nil,
                            part: participants.count > 2 ? "\(from)-\(to)" : nil, group: "")
        }
    }

    /// The focus actor, then actors by number of steps away, each step in model order of the relations;
    /// `involving` gives the positions of the relations drawn that involve an actor, ascending.
    static func neighbourhood(of focus: String, in model: RelationModel, involving: (String) -> [Int],
                              hops: Int) -> [(actor: String, steps: Int, via: String)] {
        var order = [(actor: focus, steps: 0, via: focus)]
        var seen: Set<String> = [focus]
        var frontier = [focus]
        for step in 0..<hops where !frontier.isEmpty {
            var next: [String] = []
            for actor in frontier {
                for position in involving(actor) {
                    let relation = model.relations[position]
                    let actors = involvedActors(of: relation)
                    guard actors.contains(actor) else { continue }
                    // From a participant, a relation reaches the other participants and its facility; from the
                    // place of a relation between others, it reaches the participants.
                    let reachable = relation.participants.contains(actor) ? StandardDrawing.actors(of: relation) : relation.participants
                    for other in reachable where seen.insert(other).inserted {
                        order.append((other, step + 1, actor))
                        next.append(other)
                    }
                }
            }
            frontier = next
        }
        return order
    }
}
