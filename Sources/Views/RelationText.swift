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

    /// Tooltip: the summary, then type, status and dates, then the sources cited.
    static func tooltip(_ relation: Relation, in model: RelationModel) -> String {
        let kind = relation.type.rawValue.replacingOccurrences(of: "-", with: " ")
        return [relation.summary, "\(kind), \(relation.status.rawValue), \(dates(relation))",
                "Sources: " + sourceNames(relation.citedSources, in: model)].joined(separator: "\n")
    }

    /// Tooltip of an actor: name, kind and country.
    static func tooltip(_ actor: Actor, in model: RelationModel) -> String {
        var parts = [actor.name, Palette.style(of: actor.kind).label.lowercased()]
        if let office = actor.office { parts.append(office) }
        if let country = actor.country, actor.kind != .state {
            parts.append(model.actor(country)?.name ?? country)
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
        let value = quantity.value.rounded() == quantity.value ? String(Int(quantity.value)) : String(quantity.value)
        return "\(value) \(quantity.unit) \(quantity.what)"
    }

    /// A keyword as words: "defense-pact" → "defense pact".
    static func words(_ keyword: String) -> String {
        keyword.replacingOccurrences(of: "-", with: " ")
    }
}
