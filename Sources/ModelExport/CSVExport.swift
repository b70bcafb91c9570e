import RelationModel

/// One row per relation, RFC 4180 style, for spreadsheets; `docs/exports.md` documents the columns.
public enum CSVExport {
    /// The header row, in column order.
    public static let columns = [
        "id", "type", "directed", "status", "start", "end", "start_year", "end_year",
        "first_id", "first_name", "second_id", "second_name", "participant_ids", "participant_names",
        "summary", "evidence", "source_count", "conflicting_fields", "hedge", "according_to_id", "according_to_name",
    ] + RelationDetails().exportFields.map(\.name)

    public static func render(_ model: RelationModel) -> String {
        var text = CSVText.record(columns)
        for relation in model.sortedForExport.relations {
            text += CSVText.record(row(relation, in: model))
        }
        return text
    }

    static func row(_ relation: Relation, in model: RelationModel) -> [String] {
        let names = relation.participants.map { model.actor($0)?.name ?? $0 }
        let speakerName: String = relation.accordingTo.map { model.actor($0)?.name ?? $0 } ?? ""
        let sureness: [String] = [relation.hedge?.rawValue ?? "", relation.accordingTo ?? "", speakerName]
        let columns: [String] = [
            relation.id, relation.type.rawValue, relation.isDirected ? "true" : "false",
            relation.status.rawValue, relation.start?.description ?? "", relation.end?.description ?? "",
            relation.start.map { String($0.year) } ?? "", relation.end.map { String($0.year) } ?? "",
            relation.participants.first ?? "", names.first ?? "",
            relation.participants.dropFirst().first ?? "", names.dropFirst().first ?? "",
            ListCell.text(relation.participants), ListCell.text(names),
            relation.summary,
            ListCell.text(relation.evidencePointers),
            String(relation.citedSources.count),
            ListCell.text(relation.conflictingFields),
        ]
        return columns + sureness + relation.details.exportFields.map { $0.value ?? "" }
    }
}

extension Relation {
    /// The evidence as `source#paragraph` pointers.
    var evidencePointers: [String] { evidence.map { "\($0.source)#\($0.paragraph)" } }

    /// The fields sources disagree on, each once, in claim order.
    var conflictingFields: [String] {
        claims.map(\.field).reduce(into: [String]()) { fields, field in
            if !fields.contains(field) { fields.append(field) }
        }
    }
}
