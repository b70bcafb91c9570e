import Foundation
import RelationModel

/// The wording diagrams use for relations: periods, tooltips and source lists.
enum RelationText {
    /// Tooltip: the summary, then type, status and dates, who says it and how surely, then the sources cited.
    static func tooltip(_ relation: Relation, in model: RelationModel) -> String {
        let kind = relation.type.words
        return [relation.summary, "\(kind), \(relation.status.rawValue), \(relation.period.range)",
                relation.sureness(in: model).map { "As the source puts it: " + $0 },
                "Sources: " + sourceNames(relation.citedSources, in: model)].compactMap { $0 }.joined(separator: "\n")
    }


    /// Tooltip of several relations drawn as one edge: how many of which type between whom, then one line
    /// per relation (years, status, the whole summary and its sources), at most `listed` of them.
    static func tooltip(_ relations: [Relation], between first: String, and second: String, in model: RelationModel,
                        listed: Int = 10) -> String {
        let kind = relations.first.map { $0.type.words } ?? "relation"
        var lines = ["\(relations.count) × \(kind), \(first) – \(second):"]
        for relation in relations.prefix(listed) {
            let when = [relation.period.years, relation.status.rawValue].compactMap { $0 }.joined(separator: ", ")
            lines.append("• \(when): \(relation.summary) Sources: \(sourceNames(relation.citedSources, in: model))")
        }
        if relations.count > listed {
            lines.append("… and \(relations.count - listed) more, listed in the table under the diagram")
        }
        return lines.joined(separator: "\n")
    }

    /// "cooperation ×12": the type and how many relations an edge stands for.
    static func count(_ relations: [Relation]) -> String {
        let kind = relations.first.map { $0.type.words } ?? "relation"
        return relations.count > 1 ? "\(kind) ×\(relations.count)" : kind
    }

    /// The years several relations span: "1999–2016", "2006"; nil when none is dated.
    static func span(_ relations: [Relation]) -> String? {
        let years = relations.flatMap { [$0.start?.year, $0.end?.year].compactMap { $0 } }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first == last ? String(first) : "\(first)–\(last)"
    }

    /// Tooltip of an actor: name, kind and country.
    static func tooltip(_ actor: Actor, in model: RelationModel) -> String {
        var parts = [actor.name, actor.kind.noun]
        if let office = actor.office { parts.append(office) }
        if let country = actor.country, actor.kind != .state {
            parts.append(model.actor(country)?.name ?? country)
        }
        if !actor.claimedBy.isEmpty {
            parts.append("claimed by " + actor.claimedBy.map { model.actor($0)?.name ?? $0 }.joined(separator: " and "))
        }
        return parts.joined(separator: ", ")
    }

    /// "Title (Publisher); Title (Publisher)" for source ids, in the order given; unknown ids as they are.
    static func sourceNames(_ ids: [String], in model: RelationModel) -> String {
        ids.map { id in model.source(id).map { "\($0.title) (\($0.publisher))" } ?? id }.joined(separator: "; ")
    }

    /// Every source the relations cite, each once, in first-cited order.
    static func citedSources(_ relationIDs: [String], in model: RelationModel) -> [String] {
        var seen: Set<String> = []
        return relationIDs.compactMap(model.relation).flatMap(\.citedSources).filter { seen.insert($0).inserted }
    }

    /// "4 dead, 2 injured"; nil when neither is stated.
    static func casualties(_ relation: Relation) -> String? {
        let parts = [relation.details.dead.map { "\($0) dead" }, relation.details.injured.map { "\($0) injured" }]
            .compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

}
