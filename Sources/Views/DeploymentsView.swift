import DOT
import DiagramStyle
import RelationModel

/// A map of foreign base deployments: every drawn actor pinned at its projected place (neato), deployer →
/// facility → host, with personnel and years on the edge.
public enum DeploymentsView: View {
    public static let id = "deployments"
    public static let title = "Base deployments"

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        let relations = options.relations(of: model, types: [.baseDeployment])
        guard !relations.isEmpty else { return nil }
        let id = options.diagramID(Self.id)
        var involved: [String] = []
        for relation in relations {
            for actor in StandardDrawing.actors(of: relation) where !involved.contains(actor) { involved.append(actor) }
        }
        let backdrop = model.actors.filter { $0.kind == .state && $0.coordinate != nil && !involved.contains($0.id) }.map(\.id)
        var facilityLines: [String: [String]] = [:]
        for relation in relations {
            guard let via = StandardDrawing.via(relation), let deployer = relation.participants.first else { continue }
            let who = model.actor(deployer)?.name ?? deployer
            facilityLines[via, default: []].append([who, label(relation)].filter { !$0.isEmpty }.joined(separator: ": "))
        }
        var places: [(id: String, coordinate: Coordinate, label: [String])] = []
        var unplaced: [String] = []
        for actorID in involved + backdrop {
            guard let coordinate = location(of: actorID, in: model) else {
                unplaced.append(actorID)
                continue
            }
            places.append((actorID, coordinate, [model.actor(actorID)?.name ?? actorID] + (facilityLines[actorID] ?? [])))
        }
        let projection = MapProjection(places: places)
        let remoteBackdrop = Set(backdrop).intersection(projection.remote)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        builder.graph[.splines] = .line
        builder.graph[.overlap] = .keep
        builder.graph[.outputorder] = .edgesFirst
        for place in places where !remoteBackdrop.contains(place.id) {
            let isBackdrop = backdrop.contains(place.id)
            let lines = facilityLines[place.id] ?? []
            builder.addActor(place.id, position: projection.positions[place.id]) { node in
                node[.fontsize] = isBackdrop ? 11 : 12
                if isBackdrop {
                    node[.fontcolor] = Palette.grey
                    node[.color] = Palette.grey
                }
                if projection.remote.contains(place.id), case .text(let name)? = node[.label] {
                    node[.label] = .text(name + "\n(far off the map)")
                }
                if !lines.isEmpty, case .text(let name)? = node[.label] {
                    node[.label] = .text(([name] + lines).joined(separator: "\n"))
                }
            }
        }
        for relation in relations {
            let onFacility = StandardDrawing.via(relation).map(builder.contains(actor:)) ?? false
            StandardDrawing.draw(relation, in: &builder, look: EdgeLook(relation: relation),
                                 label: onFacility ? nil : label(relation))
        }
        var notes: [String] = []
        let indirect = involved.filter { model.actor($0)?.coordinate == nil && !unplaced.contains($0) }
        if !indirect.isEmpty {
            notes.append("Actors without coordinates of their own are drawn next to their country: \(names(indirect, in: model)).")
        }
        if !unplaced.isEmpty {
            notes.append("Not drawn, for want of a location: \(names(unplaced, in: model)).")
        }
        let offMap = projection.remote.filter { !remoteBackdrop.contains($0) }
        if !offMap.isEmpty {
            notes.append("Drawn at the map's edge in their direction, being far away: \(names(offMap, in: model)).")
        }
        builder.notes += notes
        return builder.diagram(
            id: id, title: options.title(title),
            description: "Deployers point to the facility they use, which is tied to its host state; facilities list deployer, personnel and years. Positions follow the map (north up), spread out near the centre so dense areas stay legible; grey states are context.\(options.yearSentence)",
            engine: "neato", fallbackEngine: nil)
    }

    /// An actor's own coordinates, or its country's for one without (an agency, a person).
    static func location(of actorID: String, in model: RelationModel) -> Coordinate? {
        guard let actor = model.actor(actorID) else { return nil }
        if let coordinate = actor.coordinate { return coordinate }
        guard let country = actor.country, var coordinate = model.actor(country)?.coordinate else { return nil }
        coordinate.latitude -= 1.5
        return coordinate
    }

    static func label(_ relation: Relation) -> String {
        [relation.details.personnel.map { "\($0) personnel" }, RelationText.years(relation)]
            .compactMap { $0 }.joined(separator: ", ")
    }

    static func names(_ ids: [String], in model: RelationModel) -> String {
        ids.map { model.actor($0)?.name ?? $0 }.joined(separator: ", ")
    }
}
