import RelationModel

/// The formats `relmap export` writes: each turns a whole model into deterministic bytes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case json, csv
    case actorsCSV = "actors-csv"
    case linksCSV = "links-csv"
    case graphml, gexf

    /// The model in this format; `options` shape the formats that draw a graph (`drawsGraph`).
    public func render(_ model: RelationModel, options: ExportOptions = ExportOptions()) throws -> String {
        switch self {
        case .json: return try JSONExport.render(model)
        case .csv: return CSVExport.render(model)
        case .actorsCSV: return ActorsCSVExport.render(model, options: options)
        case .linksCSV: return LinksCSVExport.render(model, options: options)
        case .graphml: return GraphMLExport.render(model, options: options)
        case .gexf: return GEXFExport.render(model, options: options)
        }
    }

    /// Whether the format writes nodes and links, and so follows `ExportOptions`.
    public var drawsGraph: Bool {
        switch self {
        case .json, .csv: return false
        case .actorsCSV, .linksCSV, .graphml, .gexf: return true
        }
    }
}

extension RelationModel {
    /// Sources, actors and relations sorted by id, so exports do not depend on file or list order.
    var sortedForExport: (sources: [Source], actors: [Actor], relations: [Relation]) {
        (sources.sorted { $0.id < $1.id }, actors.sorted { $0.id < $1.id }, relations.sorted { $0.id < $1.id })
    }
}

extension RelationDetails {
    /// The type-specific keys in model spelling and a fixed order, each with its value as text when given;
    /// the CSV columns and the graph exports' attributes come from here.
    var exportFields: [(name: String, value: String?)] {
        [
            ("role", role?.rawValue), ("alliance_type", allianceType?.rawValue), ("domain", domain?.rawValue),
            ("facility", facility), ("personnel", personnel.map(String.init)), ("lease", lease),
            ("subject", subject?.rawValue),
            ("quantities", quantities.isEmpty ? nil : ListCell.quantities(quantities)),
            ("category", category?.rawValue), ("place", place),
            ("dead", dead.map(String.init)), ("injured", injured.map(String.init)),
        ]
    }
}
