import RelationModel
import XMLText

/// The model as a GraphML graph for Gephi, yEd and Cytoscape: actors are nodes, relations are edges.
///
/// A directed relation gives an edge from its first participant to each other one; an undirected relation
/// gives an edge between every pair of participants. Every edge carries its relation's id, so multilateral
/// relations can be regrouped. A relation with a single participant draws no edge.
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
        Key(domain: .node, name: "label"), Key(domain: .node, name: "kind"), Key(domain: .node, name: "aliases"),
        Key(domain: .node, name: "country"), Key(domain: .node, name: "claimed_by"), Key(domain: .node, name: "office"), Key(domain: .node, name: "iso3"),
        Key(domain: .node, name: "lat", type: "double"), Key(domain: .node, name: "lon", type: "double"),
        Key(domain: .node, name: "capital"), Key(domain: .node, name: "note"),
    ]

    static let edgeKeys: [Key] = [
        Key(domain: .edge, name: "label"), Key(domain: .edge, name: "relation"), Key(domain: .edge, name: "type"),
        Key(domain: .edge, name: "status"), Key(domain: .edge, name: "start"), Key(domain: .edge, name: "end"),
        Key(domain: .edge, name: "start_year", type: "int"), Key(domain: .edge, name: "end_year", type: "int"),
        Key(domain: .edge, name: "summary"), Key(domain: .edge, name: "evidence"),
        Key(domain: .edge, name: "conflicting_fields"), Key(domain: .edge, name: "hedge"),
        Key(domain: .edge, name: "according_to"), Key(domain: .edge, name: "detail"),
    ]

    public static func render(_ model: RelationModel) -> String {
        let sorted = model.sortedForExport
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """
        for key in nodeKeys + edgeKeys {
            xml += "  <key id=\"\(key.id)\" for=\"\(key.domain.rawValue)\" attr.name=\"\(key.name)\" attr.type=\"\(key.type)\"/>\n"
        }
        xml += "  <graph id=\"relations\" edgedefault=\"undirected\">\n"
        for actor in sorted.actors {
            xml += node(actor)
        }
        let known = Set(model.actors.map(\.id))
        for relation in sorted.relations {
            for (index, pair) in edges(of: relation).enumerated() where known.contains(pair.from) && known.contains(pair.to) {
                xml += edge(relation, from: pair.from, to: pair.to, number: index + 1)
            }
        }
        xml += "  </graph>\n</graphml>\n"
        return xml
    }

    /// The participant pairs a relation connects.
    public static func edges(of relation: Relation) -> [(from: String, to: String)] {
        let participants = relation.participants
        guard let first = participants.first else { return [] }
        if relation.isDirected {
            return participants.dropFirst().map { (first, $0) }
        }
        var pairs: [(String, String)] = []
        for (index, from) in participants.enumerated() {
            for to in participants[(index + 1)...] {
                pairs.append((from, to))
            }
        }
        return pairs
    }

    static func node(_ actor: Actor) -> String {
        let values: [String: String?] = [
            "label": actor.name, "kind": actor.kind.rawValue,
            "aliases": actor.aliases.isEmpty ? nil : actor.aliases.joined(separator: "; "),
            "country": actor.country, "claimed_by": actor.claimedBy.isEmpty ? nil : actor.claimedBy.joined(separator: "; "),
            "office": actor.office, "iso3": actor.iso3,
            "lat": actor.coordinate.map { String($0.latitude) }, "lon": actor.coordinate.map { String($0.longitude) },
            "capital": actor.capital, "note": actor.note,
        ]
        return "    <node id=\"\(XMLText.escaped(actor.id))\">\n" + data(nodeKeys, values) + "    </node>\n"
    }

    static func edge(_ relation: Relation, from: String, to: String, number: Int) -> String {
        let values: [String: String?] = [
            "label": relation.type.rawValue, "relation": relation.id, "type": relation.type.rawValue,
            "status": relation.status.rawValue,
            "start": relation.start?.description, "end": relation.end?.description,
            "start_year": relation.start.map { String($0.year) }, "end_year": relation.end.map { String($0.year) },
            "summary": relation.summary,
            "evidence": relation.evidence.map { "\($0.source)#\($0.paragraph)" }.joined(separator: "; "),
            "conflicting_fields": relation.claims.isEmpty ? nil : relation.claims.map(\.field).joined(separator: "; "),
            "hedge": relation.hedge?.rawValue, "according_to": relation.accordingTo,
            "detail": detail(relation.details),
        ]
        let directed = relation.isDirected ? " directed=\"true\"" : ""
        return "    <edge id=\"\(XMLText.escaped(relation.id)).\(number)\" source=\"\(XMLText.escaped(from))\" target=\"\(XMLText.escaped(to))\"\(directed)>\n"
            + data(edgeKeys, values) + "    </edge>\n"
    }

    /// The type-specific keys as `key=value` pairs, e.g. `role=founding` or `facility=manas; personnel=1000`.
    static func detail(_ details: RelationDetails) -> String? {
        let present = details.exportFields.compactMap { field in field.value.map { "\(field.name)=\($0)" } }
        return present.isEmpty ? nil : present.joined(separator: "; ")
    }

    static func data(_ keys: [Key], _ values: [String: String?]) -> String {
        keys.compactMap { key in
            guard let value = values[key.name] ?? nil else { return nil }
            return "      <data key=\"\(key.id)\">\(XMLText.escaped(value))</data>\n"
        }.joined()
    }
}
