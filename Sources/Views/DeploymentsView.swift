import DOT
import DiagramStyle
import Geography
import RelationModel

/// A map of foreign base deployments: facilities and places at their coordinates in their host state (tinted),
/// deployers pointing in from where they are (from the map's edge, with their distance, when they are off it),
/// personnel and years beside each facility. Without any located actor, the deployments are drawn as a network.
public enum DeploymentsView: View {
    public static let id = "deployments"
    public static let title = "Base deployments"

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        let relations = options.relations(of: model, types: [.baseDeployment])
        guard !relations.isEmpty else { return nil }
        let everyYear = ViewOptions().relations(of: model, types: [.baseDeployment])
        guard let frame = GeographicDrawing.frame(focus: focus(of: everyYear, in: model)) else {
            return network(relations, model: model, options: options, links: links)
        }
        let id = options.diagramID(Self.id)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        // Several deployments along one line are one line.
        builder.mergedLabel = { _ in nil }
        var involved: [String] = []
        var hosts: [String] = []
        var facilityLines: [String: [String]] = [:]
        for relation in relations {
            for actor in MapActors.drawnAs(StandardDrawing.actors(of: relation), in: model) where !involved.contains(actor) { involved.append(actor) }
            if relation.participants.count > 1, !hosts.contains(relation.participants[1]) { hosts.append(relation.participants[1]) }
            guard let via = StandardDrawing.via(relation), let deployer = relation.participants.first else { continue }
            let who = model.actor(deployer)?.name ?? deployer
            facilityLines[via, default: []].append([who, label(relation)].filter { !$0.isEmpty }.joined(separator: ": "))
        }
        // Facilities and places first: their labels get the best spots; then hosts, then deployers.
        let order = involved.filter { facilityLines[$0] != nil } + hosts.filter { facilityLines[$0] == nil }
            + involved.filter { facilityLines[$0] == nil && !hosts.contains($0) }
        let places = order.map { actorID in
            MapActors.Place(id: actorID, coordinate: MapActors.coordinate(of: actorID, in: model),
                            lines: [model.actor(actorID)?.name ?? actorID] + (facilityLines[actorID] ?? []))
        }
        var panel = MapPanel(frame: frame)
        var hostCountries: Set<Int> = []
        for host in hosts {
            guard let actor = model.actor(host), actor.kind == .state,
                  let country = MapPanel.countryIndex(iso3: actor.iso3, name: actor.name) else { continue }
            panel.areas[country] = MapPanel.AreaStyle(color: hostTint)
            hostCountries.insert(country)
        }
        let located = Set(places.filter { $0.coordinate != nil }.map(\.id))
        let drawn = Set(places.map(\.id))
        var actors = MapActors(panel: panel)
        actors.draw(places, on: panel, lines: relations.compactMap { ends(of: $0, among: located, in: model) }, in: &builder)
        actors.drawUnlocated(places, beside: panel, in: &builder)
        // Words of a line to a host (a deployment with no facility on the map), beside the line.
        var hostLines: [[String]: [Relation]] = [:]
        var hostOrder: [[String]] = []
        for relation in relations {
            guard let end = ends(of: relation, among: drawn, in: model), end.1 == relation.participants[1],
                  !label(relation).isEmpty else { continue }
            let key = [end.0, end.1]
            if hostLines[key] == nil { hostOrder.append(key) }
            hostLines[key, default: []].append(relation)
        }
        for (index, key) in hostOrder.enumerated() {
            let group = hostLines[key]!
            actors.labelLine(from: key[0], to: key[1], text: group.map(label).joined(separator: "\n"), relations: group,
                             name: "line-label-\(index + 1)", in: &builder)
        }
        let named = Set(places.compactMap { place -> Int? in
            guard let actor = model.actor(place.id), actor.kind == .state, actors.positions[place.id].map(panel.pageRect.contains) == true,
                  !actors.offMap.contains(place.id) else { return nil }
            return MapPanel.countryIndex(iso3: actor.iso3, name: actor.name)
        })
        var basemap = MapDrawing()
        panel.draw(into: &basemap, placer: actors.placer, unnamed: named, names: &builder)
        for relation in relations {
            draw(relation, in: &builder, model: model)
        }
        if !hostCountries.isEmpty {
            builder.noteArea(LegendEntry(label: "Host state", kind: .node(NodeSymbol(shape: .box, fill: hostTint))))
        }
        GeographicDrawing.finish(&builder, drawing: basemap, actors: actors, page: panel.pageRect)
        builder.notes.append(GeographicDrawing.projectionNote(frame))
        builder.notes += GeographicDrawing.placementNotes(actors, indirect: GeographicDrawing.indirectlyLocated(relations.flatMap(StandardDrawing.actors), in: model),
                                                          in: model)
        var diagram = builder.diagram(
            id: id, title: options.title(title),
            description: "Deployers point to the facility or place they use, drawn where it is; host states are tinted; facilities list deployer, personnel and years.\(options.yearSentence)",
            engine: .nop2, fallbackEngine: nil)
        MapKey.add(to: &diagram)
        return diagram
    }

    /// The light tint of a host state.
    static let hostTint = Palette.reddishPurple.opacity(0.38)

    /// Deployer → facility or place where it has one on the map, else deployer → host, the deployer drawn as the
    /// map shows it (border guards as their state); no line from a facility to its host, which the map shows by
    /// placing it inside. Its words are beside the line (see `labelLine`) or in the facility's label.
    static func draw(_ relation: Relation, in builder: inout DiagramBuilder, model: RelationModel) {
        guard let (from, to) = ends(of: relation, among: Set(builder.actorIDs), in: model) else { return }
        builder.addEdge(relation, from: from, to: to, look: EdgeLook(relation: relation), label: nil)
    }

    /// The two actors a deployment's line joins among those drawn: the deployer (as the map shows it) and the
    /// facility or place, else the host; nil when either is not drawn.
    static func ends(of relation: Relation, among drawn: Set<String>, in model: RelationModel) -> (String, String)? {
        let participants = relation.participants
        guard participants.count >= 2 else { return nil }
        let deployer = MapActors.drawnAs(participants[0], in: model)
        guard drawn.contains(deployer) else { return nil }
        if let via = StandardDrawing.via(relation), drawn.contains(via) { return (deployer, via) }
        return drawn.contains(participants[1]) && participants[1] != deployer ? (deployer, participants[1]) : nil
    }

    /// What the map is fitted to: where the deployments are (facilities and places, and host states), or, when
    /// none of those has a place, every actor of the deployments.
    static func focus(of relations: [Relation], in model: RelationModel) -> [GeoPoint] {
        let sites = relations.flatMap { relation in
            [StandardDrawing.via(relation), relation.participants.dropFirst().first].compactMap { $0 }
        }
        let points = GeographicDrawing.points(of: sites, in: model)
        return points.isEmpty ? GeographicDrawing.points(of: relations.flatMap(StandardDrawing.actors), in: model) : points
    }

    /// Deployments among actors none of whom has a place: deployer → facility → host, laid out by neato.
    static func network(_ relations: [Relation], model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram {
        let id = options.diagramID(Self.id)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        for relation in relations { StandardDrawing.actors(of: relation).forEach { builder.addActor($0) } }
        for relation in relations {
            StandardDrawing.draw(relation, in: &builder, look: EdgeLook(relation: relation), label: label(relation))
        }
        let choice = EngineChoice.labelledNetwork(nodeCount: builder.actorIDs.count)
        NetworkLayout.applyLabelled(to: &builder.graph, engine: choice.engine, nodeCount: builder.actorIDs.count,
                                    edgeCount: relations.count)
        builder.notes.append(GeographicDrawing.noLocationNote)
        return builder.diagram(
            id: id, title: options.title(title),
            description: "Deployers point to the facility they use, which is tied to its host state; edges give personnel and years.\(options.yearSentence)",
            engine: choice.engine, fallbackEngine: choice.fallback)
    }

    static func label(_ relation: Relation) -> String {
        [relation.details.personnel.map { "\($0) personnel" }, relation.period.years]
            .compactMap { $0 }.joined(separator: ", ")
    }
}
