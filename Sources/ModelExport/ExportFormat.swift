import RelationModel

/// The formats `relmap export` writes: each turns a whole model into deterministic bytes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case json, csv, graphml

    /// The model in this format.
    public func render(_ model: RelationModel) throws -> String {
        switch self {
        case .json: return try JSONExport.render(model)
        case .csv: return CSVExport.render(model)
        case .graphml: return GraphMLExport.render(model)
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
    /// the CSV columns and the GraphML `detail` attribute both come from here.
    var exportFields: [(name: String, value: String?)] {
        [
            ("role", role?.rawValue), ("alliance_type", allianceType?.rawValue), ("domain", domain?.rawValue),
            ("facility", facility), ("personnel", personnel.map(String.init)), ("lease", lease),
            ("subject", subject?.rawValue),
            ("quantities", quantities.isEmpty ? nil
                : quantities.map { "\(NumberText.shortest($0.value)) \($0.unit) \($0.what)" }.joined(separator: "; ")),
            ("category", category?.rawValue), ("place", place),
            ("dead", dead.map(String.init)), ("injured", injured.map(String.init)),
        ]
    }
}
