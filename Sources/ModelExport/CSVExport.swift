import Foundation
import RelationModel

/// One row per relation, RFC 4180 style, for spreadsheets; `docs/exports.md` documents the columns.
public enum CSVExport {
    /// The header row, in column order.
    public static let columns = [
        "id", "type", "directed", "status", "start", "end",
        "first_id", "first_name", "second_id", "second_name", "participant_ids", "participant_names",
        "summary", "evidence", "source_count", "conflicting_fields", "hedge", "according_to_id", "according_to_name",
    ] + RelationDetails().exportFields.map(\.name)

    public static func render(_ model: RelationModel) -> String {
        var text = record(columns)
        for relation in model.sortedForExport.relations {
            text += record(row(relation, in: model))
        }
        return text
    }

    static func row(_ relation: Relation, in model: RelationModel) -> [String] {
        let names = relation.participants.map { model.actor($0)?.name ?? $0 }
        let conflicting = relation.claims.map(\.field).reduce(into: [String]()) { fields, field in
            if !fields.contains(field) { fields.append(field) }
        }
        let speakerName: String = relation.accordingTo.map { model.actor($0)?.name ?? $0 } ?? ""
        let sureness: [String] = [relation.hedge?.rawValue ?? "", relation.accordingTo ?? "", speakerName]
        let columns: [String] = [
            relation.id, relation.type.rawValue, relation.isDirected ? "true" : "false",
            relation.status.rawValue, relation.start?.description ?? "", relation.end?.description ?? "",
            relation.participants.first ?? "", names.first ?? "",
            relation.participants.dropFirst().first ?? "", names.dropFirst().first ?? "",
            relation.participants.joined(separator: "; "), names.joined(separator: "; "),
            relation.summary,
            relation.evidence.map { "\($0.source)#\($0.paragraph)" }.joined(separator: "; "),
            String(relation.citedSources.count),
            conflicting.joined(separator: "; "),
        ]
        return columns + sureness + relation.details.exportFields.map { $0.value ?? "" }
    }

    /// One CSV record ending in CRLF.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, neutralised against spreadsheet formulas and quoted when it holds a comma, a quote or a line break.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Numbers written the shortest way: `12` rather than `12.0`.
enum NumberText {
    static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
