import DOT
import RelationModel

/// How a relation is drawn when a view has no special rule for it: which actors it needs and which edges.
enum StandardDrawing {
    /// The actors a relation's drawing needs: its participants, plus the facility or place of a deployment
    /// and the place of an incident with one known side.
    static func actors(of relation: Relation) -> [String] {
        var ids = relation.participants
        if let extra = via(relation), !ids.contains(extra) { ids.append(extra) }
        return ids
    }

    /// The facility or place a deployment goes through, or the place of a one-sided incident.
    static func via(_ relation: Relation) -> String? {
        switch relation.type {
        case .baseDeployment: return relation.details.facility ?? relation.details.place
        case .incident where relation.participants.count < 2:
            // A place that is the one side itself (riots in a country) is drawn as the event, not a loop.
            return relation.details.place.flatMap { relation.participants.contains($0) ? nil : $0 }
        default: return nil
        }
    }

    /// Draws `relation` among the actors already in the diagram.
    static func draw(_ relation: Relation, in builder: inout DiagramBuilder, look: EdgeLook, label: String?) {
        let participants = relation.participants
        switch relation.type {
        case .baseDeployment where participants.count >= 2:
            let (deployer, host) = (participants[0], participants[1])
            guard builder.contains(actor: deployer), builder.contains(actor: host) else { return }
            guard let via = via(relation), builder.contains(actor: via) else {
                return builder.addEdge(relation, from: deployer, to: host, look: look, label: label)
            }
            builder.addEdge(relation, from: deployer, to: via, look: look, label: label)
            var hostLook = look
            hostLook.colorMeaning = "Facility in its host state (thin)"
            hostLook.penwidth = 0.7
            hostLook.arrowhead = .none
            hostLook.isDirected = false
            builder.addEdge(relation, from: via, to: host, look: hostLook, label: nil, part: "host")
        case .incident where participants.count < 2:
            guard let actor = participants.first, builder.contains(actor: actor) else { return }
            if let place = via(relation), builder.contains(actor: place) {
                builder.addEdge(relation, from: actor, to: place, look: look, label: label)
            } else {
                let marker = "event-\(relation.id)"
                var node = Node(marker)
                node[.shape] = .plaintext
                node[.label] = .text(eventName(relation, in: builder.model))
                node[.fontsize] = 12
                node[.tooltip] = RelationText.tooltip(relation, in: builder.model)
                node[.url] = builder.links.relationAnchor(relation)
                node[.class] = RelationClasses.of([relation], base: "relation-event")
                builder.addMarker(node)
                builder.addEdge(relation, from: actor, to: marker, look: look, label: label)
            }
        default:
            builder.addRelation(relation, look: look, label: label)
        }
    }

    /// "Assault" over "Andijan, 2005-05" for an event node: what happened, where the model says (the place as written,
    /// though a view such as the overview folds it into its state), and when.
    static func eventName(_ relation: Relation, in model: RelationModel) -> String {
        let category = relation.details.category.map { $0.words.capitalizedFirst } ?? "Incident"
        let place = (model.relation(relation.id) ?? relation).details.place.map { model.actor($0)?.name ?? $0 }
        let rest = [place, relation.start?.description].compactMap { $0 }.joined(separator: ", ")
        return rest.isEmpty ? category : category + "\n" + rest
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
