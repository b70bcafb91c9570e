import DiagramStyle
import DOT
import RelationModel
import XMLText

/// The model as GEXF 1.3, Gephi's own format: the graph of `ExportGraph` with the diagrams' colours (an actor
/// kind's fill and shape, a relation type's line colour, the line style of its status, a double line when
/// hedged), labels, kinds and types as attributes, and each edge's days in force as its interval, so Gephi's
/// timeline plays the model. Directed throughout, for the reason `GraphMLExport` gives. The file is valid
/// against GEXF 1.3's RELAX NG schema, which allows no `xsi:schemaLocation`.
public enum GEXFExport {
    struct Attribute {
        var id: String
        var type: String = "string"
    }

    static let nodeAttributes: [Attribute] = [
        Attribute(id: "kind"), Attribute(id: "aliases"), Attribute(id: "country"), Attribute(id: "claimed_by"),
        Attribute(id: "office"), Attribute(id: "iso3"), Attribute(id: "lat", type: "double"), Attribute(id: "lon", type: "double"),
        Attribute(id: "capital"), Attribute(id: "note"), Attribute(id: "relation"), Attribute(id: "relation_type"),
    ]

    /// The model's dates keep their precision in `start_date` and `end_date`: `start` and `end` are the
    /// interval's own attributes in GEXF.
    static let edgeAttributes: [Attribute] = [
        Attribute(id: "relation"), Attribute(id: "relation_type"), Attribute(id: "directed", type: "boolean"), Attribute(id: "status"),
        Attribute(id: "start_date"), Attribute(id: "end_date"),
        Attribute(id: "start_year", type: "integer"), Attribute(id: "end_year", type: "integer"),
        Attribute(id: "summary"), Attribute(id: "evidence"), Attribute(id: "conflicting_fields"),
        Attribute(id: "hedge"), Attribute(id: "according_to"),
    ] + RelationDetails().exportFields.map { Attribute(id: $0.name, type: GraphMLExport.longFields.contains($0.name) ? "long" : "string") }

    public static func render(_ model: RelationModel, options: ExportOptions = ExportOptions()) -> String {
        let graph = ExportGraph(model, options: options)
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
          <meta>
            <creator>relmap</creator>
            <description>Actors and the relations between them; edges are in force over their start and end days.</description>
          </meta>
          <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">

        """
        xml += declarations("node", nodeAttributes) + declarations("edge", edgeAttributes)
        xml += "    <nodes>\n"
        for node in graph.nodes {
            xml += self.node(node)
        }
        xml += "    </nodes>\n    <edges>\n"
        for link in graph.links {
            xml += edge(link)
        }
        xml += "    </edges>\n  </graph>\n</gexf>\n"
        return xml
    }

    static func declarations(_ domain: String, _ attributes: [Attribute]) -> String {
        "    <attributes class=\"\(domain)\" mode=\"static\">\n"
            + attributes.map { "      <attribute id=\"\($0.id)\" title=\"\($0.id)\" type=\"\($0.type)\"/>\n" }.joined()
            + "    </attributes>\n"
    }

    static func node(_ node: ExportGraph.Node) -> String {
        let label: String
        let values: [String: String?]
        let color: Color
        let shape: String
        var interval: DayInterval?
        switch node {
        case .actor(let actor):
            let style = Palette.style(of: actor.kind)
            label = actor.name
            values = [
                "kind": actor.kind.rawValue, "aliases": actor.aliases.isEmpty ? nil : ListCell.text(actor.aliases),
                "country": actor.country, "claimed_by": actor.claimedBy.isEmpty ? nil : ListCell.text(actor.claimedBy),
                "office": actor.office, "iso3": actor.iso3,
                "lat": actor.coordinate.map { String($0.latitude) }, "lon": actor.coordinate.map { String($0.longitude) },
                "capital": actor.capital, "note": actor.note,
            ]
            color = style.fill
            shape = gexfShape(style.shape)
        case .hub(let relation):
            label = relation.id
            values = ["kind": ExportGraph.hubKind, "relation": relation.id, "relation_type": relation.type.rawValue]
            color = Palette.color(of: relation.type)
            shape = "disc"
            interval = DayInterval(relation)
        }
        return "      <node id=\"\(XMLText.escaped(node.id))\" label=\"\(XMLText.escaped(label))\"\(intervalAttributes(interval))>\n"
            + attvalues(nodeAttributes, values)
            + "        \(viz(color))\n        <viz:shape value=\"\(shape)\"/>\n      </node>\n"
    }

    static func edge(_ link: ExportGraph.Link) -> String {
        let relation = link.relation
        var values: [String: String?] = [
            "relation": relation.id, "relation_type": relation.type.rawValue, "directed": link.directed ? "true" : "false",
            "status": relation.status.rawValue,
            "start_date": relation.start?.description, "end_date": relation.end?.description,
            "start_year": relation.start.map { String($0.year) }, "end_year": relation.end.map { String($0.year) },
            "summary": relation.summary, "evidence": ListCell.text(relation.evidencePointers),
            "conflicting_fields": relation.claims.isEmpty ? nil : ListCell.text(relation.conflictingFields),
            "hedge": relation.hedge?.rawValue, "according_to": relation.accordingTo,
        ]
        for field in relation.details.exportFields {
            values[field.name] = field.value
        }
        return "      <edge id=\"\(XMLText.escaped(link.id))\" source=\"\(XMLText.escaped(link.source))\" "
            + "target=\"\(XMLText.escaped(link.target))\" label=\"\(relation.type.rawValue)\"\(intervalAttributes(DayInterval(relation)))>\n"
            + attvalues(edgeAttributes, values)
            + "        \(viz(Palette.color(of: relation.type)))\n        <viz:shape value=\"\(lineShape(relation))\"/>\n      </edge>\n"
    }

    static func intervalAttributes(_ interval: DayInterval?) -> String {
        (interval?.start.map { " start=\"\($0)\"" } ?? "") + (interval?.end.map { " end=\"\($0)\"" } ?? "")
    }

    static func attvalues(_ attributes: [Attribute], _ values: [String: String?]) -> String {
        let present = attributes.compactMap { attribute -> String? in
            guard let value = values[attribute.id] ?? nil else { return nil }
            return "          <attvalue for=\"\(attribute.id)\" value=\"\(XMLText.escaped(value))\"/>\n"
        }
        return present.isEmpty ? "" : "        <attvalues>\n" + present.joined() + "        </attvalues>\n"
    }

    static func viz(_ color: Color) -> String {
        let rgb = components(color)
        return "<viz:color r=\"\(rgb.red)\" g=\"\(rgb.green)\" b=\"\(rgb.blue)\"/>"
    }

    /// The red, green and blue of a `#rrggbb` colour (the palette holds no names).
    static func components(_ color: Color) -> (red: Int, green: Int, blue: Int) {
        let hex = Array(color.rawValue.dropFirst())
        func byte(_ index: Int) -> Int { Int(String(hex[index..<(index + 2)]), radix: 16) ?? 0 }
        return hex.count >= 6 ? (byte(0), byte(2), byte(4)) : (0, 0, 0)
    }

    /// GEXF's node shapes (disc, square, triangle, diamond) nearest each Graphviz shape the diagrams give a kind.
    static func gexfShape(_ shape: Shape) -> String {
        switch shape {
        case .box, .rect, .rectangle, .square, .box3d, .component, .note, .tab, .folder: return "square"
        case .house, .triangle, .invtriangle, .invhouse: return "triangle"
        case .diamond, .hexagon, .octagon, .doubleoctagon, .pentagon, .septagon, .mDiamond: return "diamond"
        default: return "disc"
        }
    }

    /// GEXF's edge shapes for the diagrams' line styles: double when hedged, else dashed, dotted or solid.
    static func lineShape(_ relation: Relation) -> String {
        if relation.isHedged { return "double" }
        let items = Palette.lineStyle(of: relation).style.items
        if items.contains(.dashed) { return "dashed" }
        if items.contains(.dotted) { return "dotted" }
        return "solid"
    }
}
