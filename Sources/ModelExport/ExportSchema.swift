import RelationModel

/// A JSON Schema (draft 2020-12) of `relmap export --format json`, format version
/// `ExportedModel.currentFormatVersion`. Strict: an object holds only the keys listed, so the schema tells
/// exactly what this version writes (later versions may add keys; scripts should ignore keys they do not know).
public enum ExportSchema {
    public static var text: String { schema.text }

    static func object(_ description: String, required: [String], _ properties: [String: JSONSchemaValue]) -> JSONSchemaValue {
        [
            "type": "object", "additionalProperties": false, "description": .string(description),
            "required": .array(required.map { .string($0) }), "properties": .object(properties),
        ]
    }

    static func words<Word: RawRepresentable & CaseIterable>(_ type: Word.Type) -> JSONSchemaValue where Word.RawValue == String {
        ["enum": .array(Word.allCases.map { .string($0.rawValue) })]
    }

    static func reference(_ definition: String) -> JSONSchemaValue {
        ["$ref": .string("#/$defs/\(definition)")]
    }

    static func list(_ definition: String) -> JSONSchemaValue {
        ["type": "array", "items": reference(definition)]
    }

    static let string: JSONSchemaValue = ["type": "string"]
    static let wholeNumber: JSONSchemaValue = ["type": "integer", "minimum": 0]
    static let id: JSONSchemaValue = ["type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,63}$"]

    static var schema: JSONSchemaValue {
        object("The model as `relmap export --format json` writes it (docs/exports.md).",
               required: ["format_version", "sources", "actors", "relations"], [
                   "format_version": ["const": .integer(ExportedModel.currentFormatVersion)],
                   "period": object("The first and last years the relations' dates name.", required: ["first", "last"],
                                    ["first": ["type": "integer"], "last": ["type": "integer"]]),
                   "sources": list("source"),
                   "actors": list("actor"),
                   "relations": list("relation"),
               ]).adding([
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "relmap JSON export",
            "$defs": .object(definitions),
        ])
    }

    static var definitions: [String: JSONSchemaValue] {
        [
            "date": object("A date with its precision.", required: ["date", "precision"], [
                "date": ["type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"],
                "precision": ["enum": .array(["year", "month", "day"])],
            ]),
            "participant": object("An actor id resolved to the actor's name and kind (both absent when the id names no actor).",
                                  required: ["id"], ["id": id, "name": string, "kind": words(ActorKind.self)]),
            "evidence": object("A pointer into the corpus, with the cited document's file.", required: ["source", "paragraph"], [
                "source": id, "paragraph": ["type": "integer", "minimum": 1], "file": string,
            ]),
            "source": object("A document of the corpus.", required: ["id", "title", "publisher", "published", "file"], [
                "id": id, "title": string, "publisher": string, "author": string, "published": reference("date"),
                "date_note": string, "file": string, "url": string, "paragraphs": wholeNumber,
            ]),
            "actor": object("An actor.", required: ["id", "name", "kind", "aliases"], [
                "id": id, "name": string, "kind": words(ActorKind.self), "aliases": ["type": "array", "items": string],
                "country": id, "claimed_by": ["type": "array", "items": id, "minItems": 2], "office": string,
                "iso3": ["type": "string", "pattern": "^[A-Z]{3}$"],
                "location": object("Decimal degrees.", required: ["lat", "lon"], [
                    "lat": ["type": "number", "minimum": -90, "maximum": 90], "lon": ["type": "number", "minimum": -180, "maximum": 180],
                ]),
                "capital": string, "note": string,
            ]),
            "claim": object("One source's version of a disputed fact.", required: ["field", "value", "evidence"], [
                "field": string, "value": string, "evidence": list("evidence"),
            ]),
            "quantity": object("A stated amount.", required: ["value", "unit", "what"], [
                "value": ["type": "number"], "unit": string, "what": string,
            ]),
            "relation": object("A relation with its participants resolved.",
                               required: ["id", "type", "directed", "participants", "status", "summary", "evidence", "claims"], [
                "id": id, "type": words(RelationType.self), "directed": ["type": "boolean"],
                "participants": ["type": "array", "items": reference("participant"), "minItems": 1],
                "start": reference("date"), "end": reference("date"), "status": words(RelationStatus.self), "summary": string,
                "according_to": reference("participant"), "hedge": words(Hedge.self),
                "evidence": list("evidence"), "claims": list("claim"),
                "role": words(MembershipRole.self), "alliance_type": words(AllianceType.self), "domain": words(CooperationDomain.self),
                "facility": reference("participant"), "personnel": wholeNumber, "lease": string, "subject": words(DisputeSubject.self),
                "quantities": list("quantity"), "category": words(IncidentCategory.self), "place": reference("participant"),
                "dead": wholeNumber, "injured": wholeNumber,
            ]),
        ]
    }
}
