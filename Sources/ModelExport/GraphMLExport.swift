import DiagramStyle
import RelationModel
import XMLText

/// The model as a GraphML graph for networkx, igraph, Gephi, yEd and Cytoscape: actors are nodes, links of
/// relations are edges (`ExportGraph`).
///
/// The graph is directed throughout (`edgedefault="directed"`, no edge overrides it), because networkx refuses
/// a graph that mixes directed and undirected edges and igraph drops the direction of such a graph. Each edge
/// carries a boolean `directed` that says whether its relation has a direction; `ExportOptions` chooses one
/// arc or two per undirected link, and hub nodes for multi-party relations. The relation's type is
/// `relation_type`, since `type` is an edge's direction in GEXF and in Gephi and networkx's GEXF writer; and
/// the edge's id is also its `link` attribute, since igraph's reader does not keep edge ids.
public enum GraphMLExport {
    /// An attribute declared in the GraphML header.
    struct Key {
        enum Domain: String { case node, edge }
        var domain: Domain
        var name: String
        var type: String = "string"
        var id: String { "\(domain == .node ? "n" : "e")_\(name)" }
    }

    static let nodeKeys: [Key] = [
        "label", "kind", "aliases", "country", "claimed_by", "office", "iso3",
    ].map { Key(domain: .node, name: $0) } + [
        Key(domain: .node, name: "lat", type: "double"), Key(domain: .node, name: "lon", type: "double"),
        Key(domain: .node, name: "capital"), Key(domain: .node, name: "note"), Key(domain: .node, name: "color"),
        Key(domain: .node, name: "relation"), Key(domain: .node, name: "relation_type"),
    ]

    /// Whole numbers of the type-specific keys go up to 10^15, past GraphML's 32-bit `int`.
    static let longFields: Set<String> = ["personnel", "dead", "injured"]

    static let edgeKeys: [Key] = [
        Key(domain: .edge, name: "label"), Key(domain: .edge, name: "link"), Key(domain: .edge, name: "relation"),
        Key(domain: .edge, name: "relation_type"),
        Key(domain: .edge, name: "directed", type: "boolean"),
        Key(domain: .edge, name: "status"), Key(domain: .edge, name: "start"), Key(domain: .edge, name: "end"),
        Key(domain: .edge, name: "start_year", type: "int"), Key(domain: .edge, name: "end_year", type: "int"),
        Key(domain: .edge, name: "summary"), Key(domain: .edge, name: "evidence"),
        Key(domain: .edge, name: "conflicting_fields"), Key(domain: .edge, name: "hedge"),
        Key(domain: .edge, name: "according_to"), Key(domain: .edge, name: "color"),
    ] + RelationDetails().exportFields.map { Key(domain: .edge, name: $0.name, type: longFields.contains($0.name) ? "long" : "string") }

    public static func render(_ model: RelationModel, options: ExportOptions = ExportOptions()) -> String {
        let graph = ExportGraph(model, options: options)
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """
        for key in nodeKeys + edgeKeys {
            xml += "  <key id=\"\(key.id)\" for=\"\(key.domain.rawValue)\" attr.name=\"\(key.name)\" attr.type=\"\(key.type)\"/>\n"
        }
        xml += "  <graph id=\"relations\" edgedefault=\"directed\">\n"
        for node in graph.nodes {
            xml += self.node(node)
        }
        for link in graph.links {
            xml += edge(link)
        }
        xml += "  </graph>\n</graphml>\n"
        return xml
    }

    static func node(_ node: ExportGraph.Node) -> String {
        let values: [String: String?]
        switch node {
        case .actor(let actor):
            values = [
                "label": actor.name, "kind": actor.kind.rawValue,
                "aliases": actor.aliases.isEmpty ? nil : ListCell.text(actor.aliases),
                "country": actor.country, "claimed_by": actor.claimedBy.isEmpty ? nil : ListCell.text(actor.claimedBy),
                "office": actor.office, "iso3": actor.iso3,
                "lat": actor.coordinate.map { String($0.latitude) }, "lon": actor.coordinate.map { String($0.longitude) },
                "capital": actor.capital, "note": actor.note, "color": Palette.style(of: actor.kind).fill.rawValue,
            ]
        case .hub(let relation):
            values = [
                "label": relation.id, "kind": ExportGraph.hubKind, "relation": relation.id, "relation_type": relation.type.rawValue,
                "color": Palette.color(of: relation.type).rawValue,
            ]
        }
        return "    <node id=\"\(XMLText.escaped(node.id))\">\n" + data(nodeKeys, values) + "    </node>\n"
    }

    static func edge(_ link: ExportGraph.Link) -> String {
        let relation = link.relation
        var values: [String: String?] = [
            "label": relation.type.rawValue, "link": link.id, "relation": relation.id, "relation_type": relation.type.rawValue,
            "directed": link.directed ? "true" : "false",
            "status": relation.status.rawValue,
            "start": relation.start?.description, "end": relation.end?.description,
            "start_year": relation.start.map { String($0.year) }, "end_year": relation.end.map { String($0.year) },
            "summary": relation.summary,
            "evidence": ListCell.text(relation.evidencePointers),
            "conflicting_fields": relation.claims.isEmpty ? nil : ListCell.text(relation.conflictingFields),
            "hedge": relation.hedge?.rawValue, "according_to": relation.accordingTo,
            "color": Palette.color(of: relation.type).rawValue,
        ]
        for field in relation.details.exportFields {
            values[field.name] = field.value
        }
        return "    <edge id=\"\(XMLText.escaped(link.id))\" source=\"\(XMLText.escaped(link.source))\" target=\"\(XMLText.escaped(link.target))\">\n"
            + data(edgeKeys, values) + "    </edge>\n"
    }

    static func data(_ keys: [Key], _ values: [String: String?]) -> String {
        keys.compactMap { key in
            guard let value = values[key.name] ?? nil else { return nil }
            return "      <data key=\"\(key.id)\">\(XMLText.escaped(value))</data>\n"
        }.joined()
    }
}
