import DiagramStyle
import Foundation
import RelationModel

/// The wording diagrams use for relations: periods, tooltips and source lists.
enum RelationText {
    /// A short period by year: "2003–2017", "since 2003", "until 1999", "2006"; nil when undated.
    static func years(_ relation: Relation) -> String? {
        switch (relation.start, relation.end) {
        case let (start?, end?):
            return start.year == end.year ? String(start.year) : "\(start.year)–\(end.year)"
        case let (start?, nil):
            return relation.type.isLasting && relation.status != .ended ? "since \(start.year)" : String(start.year)
        case let (nil, end?):
            return "until \(end.year)"
        case (nil, nil):
            return nil
        }
    }

    /// The full dates: "2006-07-22 to 2010", "from 2003", "2006-07".
    static func dates(_ relation: Relation) -> String {
        switch (relation.start, relation.end) {
        case let (start?, end?): return "\(start) to \(end)"
        case let (start?, nil): return relation.type.isLasting ? "from \(start)" : start.description
        case let (nil, end?): return "until \(end)"
        case (nil, nil): return "undated"
        }
    }

    /// Tooltip: the summary, then type, status and dates, who says it and how surely, then the sources cited.
    static func tooltip(_ relation: Relation, in model: RelationModel) -> String {
        let kind = relation.type.words
        return [relation.summary, "\(kind), \(relation.status.rawValue), \(dates(relation))",
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
            let when = [years(relation), relation.status.rawValue].compactMap { $0 }.joined(separator: ", ")
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
        var parts = [actor.name, Palette.style(of: actor.kind).label.lowercased()]
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

    /// "600 km border still in dispute".
    static func quantity(_ quantity: Quantity) -> String {
        // The model keeps numbers below 10^15, where every whole Double converts to Int; the bound is checked
        // again here so that a model built in code cannot trap.
        let isWhole = quantity.value.rounded() == quantity.value && abs(quantity.value) < 1e15
        let value = isWhole ? String(Int(quantity.value)) : String(quantity.value)
        return "\(value) \(quantity.unit) \(quantity.what)"
    }
}
