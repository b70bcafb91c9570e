import RelationModel
import Views

/// How relations, dates and actors read on the site's pages.
enum RelationWording {
    /// The type in the singular with its subtype: "cooperation: counter terrorism", "alliance: defense pact".
    static func kind(of relation: Relation) -> String {
        let details = relation.details
        let subtype: String? = switch relation.type {
        case .membership: details.role.map(\.words)
        case .alliance: details.allianceType.map(\.words)
        case .cooperation, .agreement: details.domain.map(\.words)
        case .dispute: details.subject.map(\.words)
        case .incident: details.category.map(\.words)
        case .baseDeployment, .meeting: nil
        }
        let name = relation.type.words
        return subtype.map { "\(name): \($0)" } ?? name
    }

    /// The years a relation is in force, as a row gives them to the script's year filter (the same rule as
    /// the diagrams' `fact-` classes): "2001 2014", "2003 open", "2006 2006" for an event, "never" for none.
    static func yearsInForce(of relation: Relation) -> String {
        RelationClasses.yearSpan(relation, separator: " ")
    }

    /// A key that sorts relations by date, undated ones last, then by id.
    static func sortKey(of relation: Relation) -> String {
        (relation.start ?? relation.end).map(\.description) ?? "9999"
    }

    /// Relations in date order (undated last), ties by id.
    static func chronological(_ relations: [Relation]) -> [Relation] {
        chronologicalOrder(relations).map { relations[$0] }
    }

    /// The indices of `relations` in date order (undated last), ties by id: sorting indices moves no relation.
    static func chronologicalOrder(_ relations: [Relation]) -> [Int] {
        let keys = relations.map { (date: sortKey(of: $0), id: $0.id) }
        return keys.indices.sorted { (keys[$0].date, keys[$0].id) < (keys[$1].date, keys[$1].id) }
    }

    /// The figures a relation carries, as short phrases: "1,000 personnel", "4 dead", "lease: …", "970 km border".
    static func figures(of relation: Relation) -> [String] {
        let details = relation.details
        var phrases: [String] = []
        if let personnel = details.personnel { phrases.append("\(personnel) personnel") }
        if let lease = details.lease { phrases.append("lease: \(lease)") }
        for quantity in details.quantities {
            phrases.append(quantity.text)
        }
        if let dead = details.dead { phrases.append("\(dead) dead") }
        if let injured = details.injured { phrases.append("\(injured) injured") }
        return phrases
    }

    /// The value a relation's own key holds for a field that sources dispute, as the model states it.
    static func modelValue(of field: String, in relation: Relation, model: RelationModel) -> String {
        let details = relation.details
        switch field {
        case "start": return relation.start?.description ?? "not stated"
        case "end": return relation.end?.description ?? "not stated"
        case "status": return relation.status.rawValue
        case "place": return details.place.map { model.actor($0)?.name ?? $0 } ?? "not stated"
        case "facility": return details.facility.map { model.actor($0)?.name ?? $0 } ?? "not stated"
        case "dead": return details.dead.map(String.init) ?? "not stated"
        case "injured": return details.injured.map(String.init) ?? "not stated"
        case "personnel": return details.personnel.map(String.init) ?? "not stated"
        case "lease": return details.lease ?? "not stated"
        default:
            if let quantity = details.quantities.first(where: { $0.what == field }) {
                return quantity.amount
            }
            return "not stated"
        }
    }

    /// "state", "armed group", "group" (see `ActorKind.noun`).
    static func kind(of actor: Actor) -> String {
        actor.kind.noun
    }

    /// Plural headings for actor kinds.
    static func plural(_ kind: ActorKind) -> String {
        switch kind {
        case .state: return "States"
        case .organization: return "Organizations"
        case .agency: return "Agencies"
        case .person: return "People"
        case .armedGroup: return "Armed groups"
        case .facility: return "Facilities"
        case .place: return "Places"
        case .collective: return "Groups"
        }
    }
}
