import RelationModel

/// The classes an edge or relation marker carries into the SVG (Graphviz copies DOT's `class` onto the element),
/// which the report site's script reads to filter and highlight a diagram without a lookup table: the relation
/// type, each relation's id (`rel-ID`) and, per relation, its status with the years it is in force
/// (`fact-STATUS-FIRST-LAST`, `open` for an unbounded end, `fact-STATUS-never` for one in force in no year).
/// Ids are safe slugs, so every token is one word.
public enum RelationClasses {
    /// `base`, the type shared by `relations`, then their ids and facts, each token once and in relation order.
    static func of(_ relations: [Relation], base: String) -> String {
        var tokens = [base]
        if let type = relations.first?.type { tokens.append("type-\(type.rawValue)") }
        var seen = Set(tokens)
        for relation in relations {
            for token in ["rel-\(relation.id)", fact(relation)] where seen.insert(token).inserted {
                tokens.append(token)
            }
        }
        return tokens.joined(separator: " ")
    }

    /// `fact-agreed-2001-2014`, `fact-ongoing-2003-open`, `fact-ended-2006-2006` (an event in its year).
    static func fact(_ relation: Relation) -> String {
        "fact-\(relation.status.rawValue)-\(yearSpan(relation, separator: "-"))"
    }

    /// The years a relation is in force as the site's script reads them, here and in a table row's `data-years`:
    /// "2001-2014", "2003-open" (`open` for an unbounded end), "never" for none.
    public static func yearSpan(_ relation: Relation, separator: String) -> String {
        func bound(_ year: Int) -> String { year == .min || year == .max ? "open" : String(year) }
        guard let years = relation.yearsInForce else { return "never" }
        return bound(years.first) + separator + bound(years.last)
    }
}
