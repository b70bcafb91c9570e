import Foundation

/// Checks a loaded model as a whole: unique ids, references that resolve, kinds that fit their roles.
public enum Validator {
    public static func validate(_ model: RelationModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        diagnostics += duplicates(model.sources.map { ($0.id, $0.location) }, what: "source")
        diagnostics += duplicates(model.actors.map { ($0.id, $0.location) }, what: "actor")
        diagnostics += duplicates(model.relations.map { ($0.id, $0.location) }, what: "relation")
        for actor in model.actors {
            diagnostics += check(actor, in: model)
        }
        diagnostics += sharedNames(model.actors)
        for relation in model.relations {
            diagnostics += check(relation, in: model)
        }
        return diagnostics
    }

    static func duplicates(_ entries: [(String, SourceLocation)], what: String) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for (id, location) in entries {
            if let earlier = first[id] {
                diagnostics.append(.error("duplicate \(what) id '\(id)' (first defined at \(earlier))", at: location))
            } else {
                first[id] = location
            }
        }
        return diagnostics
    }

    static func check(_ actor: Actor, in model: RelationModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let country = actor.country {
            if let state = model.actor(country) {
                if state.kind != .state {
                    diagnostics.append(.error("country '\(country)' of actor '\(actor.id)' is a \(state.kind.rawValue), not a state", at: actor.fieldLocations["country"] ?? actor.location))
                }
            } else {
                diagnostics.append(unknownActor(country, role: "country", at: actor.fieldLocations["country"] ?? actor.location, in: model))
            }
        }
        var claimants: Set<String> = []
        for (index, claimant) in actor.claimedBy.enumerated() {
            let location = actor.fieldLocations["claimed_by.\(index)"] ?? actor.location
            if !claimants.insert(claimant).inserted {
                diagnostics.append(.error("actor '\(actor.id)' names claimant '\(claimant)' twice", at: location))
            }
            if let state = model.actor(claimant) {
                if state.kind != .state {
                    diagnostics.append(.error("claimant '\(claimant)' of actor '\(actor.id)' is a \(state.kind.words), not a state", at: location))
                }
            } else {
                diagnostics.append(unknownActor(claimant, role: "claimant", at: location, in: model))
            }
        }
        if !actor.claimedBy.isEmpty, !actor.kind.canBeClaimed {
            diagnostics.append(.error("only a place or a facility can be claimed by several states; '\(actor.id)' is a \(actor.kind.words)",
                                      at: actor.fieldLocations["claimed_by"] ?? actor.location))
        }
        if actor.kind == .state, actor.iso3 == nil {
            diagnostics.append(.warning("state '\(actor.id)' has no iso3 code", at: actor.location))
        }
        if actor.kind.isLocated, actor.coordinate == nil {
            diagnostics.append(.warning("\(actor.kind.rawValue) '\(actor.id)' has no location, so maps cannot place it", at: actor.location))
        }
        return diagnostics
    }

    /// Warnings for aliases that are also another actor's name or alias: a document's mention of the name
    /// cannot tell the two apart. Each clash is reported once, at the later alias, naming where the other is.
    static func sharedNames(_ actors: [Actor]) -> [Diagnostic] {
        var names: [String: (actor: String, location: SourceLocation)] = [:]
        for actor in actors where names[actor.name.lowercased()] == nil {
            names[actor.name.lowercased()] = (actor.id, actor.fieldLocations["name"] ?? actor.location)
        }
        var aliases: [String: (actor: String, location: SourceLocation)] = [:]
        var diagnostics: [Diagnostic] = []
        for actor in actors {
            for (index, alias) in actor.aliases.enumerated() {
                let key = alias.lowercased()
                let location = actor.fieldLocations["aliases.\(index)"] ?? actor.fieldLocations["aliases"] ?? actor.location
                if let named = names[key], named.actor != actor.id {
                    diagnostics.append(.warning("alias '\(alias)' of actor '\(actor.id)' is the name of actor '\(named.actor)' (at \(named.location)); mentions of it cannot tell the two apart", at: location))
                } else if let other = aliases[key], other.actor != actor.id {
                    diagnostics.append(.warning("alias '\(alias)' of actor '\(actor.id)' is also an alias of actor '\(other.actor)' (at \(other.location)); mentions of it cannot tell the two apart", at: location))
                } else if aliases[key] == nil {
                    aliases[key] = (actor.id, location)
                }
            }
        }
        return diagnostics
    }

    static func check(_ relation: Relation, in model: RelationModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let speaker = relation.accordingTo {
            let location = relation.fieldLocations["according_to"] ?? relation.location
            if let actor = model.actor(speaker) {
                if !actor.kind.canMakeStatements {
                    diagnostics.append(.error("'according_to' of relation '\(relation.id)' names a \(actor.kind.words), '\(speaker)', which cannot state or believe anything", at: location))
                }
            } else {
                diagnostics.append(unknownActor(speaker, role: "according_to", at: location, in: model))
            }
        }
        diagnostics += relation.claims.flatMap { check($0, of: relation, in: model) }
        var seen: Set<String> = []
        for (index, participant) in relation.participants.enumerated() {
            let location = relation.fieldLocations["participants.\(index)"] ?? relation.location
            if !seen.insert(participant).inserted {
                diagnostics.append(.error("relation '\(relation.id)' names participant '\(participant)' twice", at: location))
            }
            if model.actor(participant) == nil {
                diagnostics.append(unknownActor(participant, role: "participant", at: location, in: model))
            }
        }
        if relation.type == .membership, relation.participants.count >= 2,
           let organization = model.actor(relation.participants[1]), organization.kind != .organization {
            diagnostics.append(.error("membership '\(relation.id)': '\(organization.id)' is a \(organization.kind.rawValue), not an organization",
                                      at: relation.fieldLocations["participants.1"] ?? relation.location))
        }
        let facilityLocation = relation.fieldLocations["facility"] ?? relation.location
        if let facility = relation.details.facility {
            if let actor = model.actor(facility) {
                if actor.kind != .facility {
                    diagnostics.append(.error("facility '\(facility)' of relation '\(relation.id)' is a \(actor.kind.rawValue), not a facility", at: facilityLocation))
                }
            } else {
                diagnostics.append(unknownActor(facility, role: "facility", at: facilityLocation, in: model))
            }
        }
        if let place = relation.details.place, model.actor(place) == nil {
            diagnostics.append(unknownActor(place, role: "place", at: relation.fieldLocations["place"] ?? relation.location, in: model))
        }
        for pointer in relation.evidence + relation.claims.flatMap(\.evidence) {
            guard let source = model.source(pointer.source) else {
                var message = "unknown source '\(pointer.source)'"
                if let suggestion = Spelling.closest(to: pointer.source, among: model.sources.map(\.id)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                diagnostics.append(.error(message, at: pointer.sourceLocation))
                continue
            }
            if let count = source.paragraphs, pointer.paragraph > count {
                diagnostics.append(.error("paragraph \(pointer.paragraph) does not exist: source '\(source.id)' has \(count) paragraphs", at: pointer.location))
            }
        }
        if relation.status == .ended, relation.end == nil, relation.type.isLasting {
            diagnostics.append(.warning("relation '\(relation.id)' has ended but gives no end date", at: relation.location))
        }
        return diagnostics
    }

    /// A claim must dispute a key its relation gives, and a claimed place or facility must be an actor.
    static func check(_ claim: Claim, of relation: Relation, in model: RelationModel) -> [Diagnostic] {
        let fields = relation.claimableFields
        // A key written but not read (a bad value) was reported where it stands; claims on it are not.
        let unread = relation.fieldLocations[claim.field] != nil && Relation.claimableKeys.contains(claim.field)
        guard fields.contains(claim.field) || unread else {
            var message = "claim field '\(claim.field)' is not a key of relation '\(relation.id)', which gives: \(fields.joined(separator: ", "))"
            if let suggestion = Spelling.closest(to: claim.field, among: fields) {
                message += "; did you mean '\(suggestion)'?"
            }
            return [.error(message, at: claim.fieldLocation)]
        }
        if claim.field == "place" || claim.field == "facility", model.actor(claim.value) == nil {
            return [unknownActor(claim.value, role: "claimed \(claim.field)", at: claim.valueLocation, in: model)]
        }
        return []
    }

    static func unknownActor(_ id: String, role: String, at location: SourceLocation, in model: RelationModel) -> Diagnostic {
        var message = "unknown actor '\(id)' as \(role)"
        if let suggestion = Spelling.closest(to: id, among: model.actors.map(\.id)) {
            message += "; did you mean '\(suggestion)'?"
        }
        return .error(message, at: location)
    }
}
