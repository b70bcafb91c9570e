import DiagramStyle
import RelationModel

/// One row per actor (a nodes table): `Id` and `Label` as Gephi's spreadsheet import, Kumu, Flourish and
/// NodeXL name them, then the actor's fields; with hubs, one row per multi-party relation drawn as a node.
public enum ActorsCSVExport {
    public static let columns = [
        "Id", "Label", "kind", "aliases", "country", "claimed_by", "office", "iso3", "lat", "lon", "capital", "note", "color",
    ]

    public static func render(_ model: RelationModel, options: ExportOptions = ExportOptions()) -> String {
        var text = CSVText.record(columns)
        for node in ExportGraph(model, options: options).nodes {
            text += CSVText.record(row(node))
        }
        return text
    }

    static func row(_ node: ExportGraph.Node) -> [String] {
        switch node {
        case .actor(let actor):
            return [
                actor.id, actor.name, actor.kind.rawValue, ListCell.text(actor.aliases), actor.country ?? "",
                ListCell.text(actor.claimedBy), actor.office ?? "", actor.iso3 ?? "",
                actor.coordinate.map { String($0.latitude) } ?? "", actor.coordinate.map { String($0.longitude) } ?? "",
                actor.capital ?? "", actor.note ?? "", Palette.style(of: actor.kind).fill.rawValue,
            ]
        case .hub(let relation):
            return [node.id, relation.id, ExportGraph.hubKind] + Array(repeating: "", count: 9) + [Palette.color(of: relation.type).rawValue]
        }
    }
}
