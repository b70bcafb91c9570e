import DiagramStyle
import RelationModel

/// One row per link (an edge list): `Source`, `Target` and `Type` (`Directed` or `Undirected`) as Gephi's
/// spreadsheet import reads them, then the relation the link belongs to.
public enum LinksCSVExport {
    public static let columns = [
        "Source", "Target", "Type", "Id", "Label", "relation", "relation_type", "directed", "status",
        "start", "end", "start_year", "end_year", "hedge", "according_to", "color", "summary",
    ]

    public static func render(_ model: RelationModel, options: ExportOptions = ExportOptions()) -> String {
        var text = CSVText.record(columns)
        for link in ExportGraph(model, options: options).links {
            text += CSVText.record(row(link, options: options))
        }
        return text
    }

    /// A link of an undirected relation is `Undirected` for the tool when written once, and `Directed` when
    /// written as two arcs (each arc then goes one way; `directed` still says the relation has no direction).
    static func row(_ link: ExportGraph.Link, options: ExportOptions) -> [String] {
        let relation = link.relation
        let isArc = link.directed || options.undirected == .twoArcs
        return [
            link.source, link.target, isArc ? "Directed" : "Undirected", link.id, relation.type.rawValue,
            relation.id, relation.type.rawValue, link.directed ? "true" : "false", relation.status.rawValue,
            relation.start?.description ?? "", relation.end?.description ?? "",
            relation.start.map { String($0.year) } ?? "", relation.end.map { String($0.year) } ?? "",
            relation.hedge?.rawValue ?? "", relation.accordingTo ?? "", Palette.color(of: relation.type).rawValue,
            relation.summary,
        ]
    }
}
