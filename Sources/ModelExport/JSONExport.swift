import Foundation
import RelationModel

/// The model as pretty-printed JSON with sorted keys, for scripts.
public enum JSONExport {
    public static func render(_ model: RelationModel) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(ExportedModel(model))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
