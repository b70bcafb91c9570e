import RelationModel

/// A JSON Schema (draft 2020-12) of a model file, for editors that validate and complete YAML while it is
/// written (`# yaml-language-server: $schema=…`). Keys and vocabularies come from the loader (`ModelKeys`)
/// and the model's enums, so the schema follows the format. It checks structure, keys and words;
/// `relmap validate` remains the judge of references, dates and the rest.
///
/// Scalars are as loose as the loader: it reads every scalar as text, so `name: 1948` is a name and
/// `personnel: "1000"` a number, and the schema accepts both spellings.
public enum ModelSchema {
    public static var text: String { schema.text }

    static var schema: JSONSchemaValue {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "relmap model file",
            "description": "One file of a relation model: sources, actors and relations (docs/model.md).",
            "type": "object",
            "additionalProperties": false,
            "minProperties": 1,
            "properties": [
                "sources": list(of: "source", "The documents of the corpus that relations cite."),
                "actors": list(of: "actor", "States, organizations, agencies, people, armed groups, facilities, places and groups."),
                "relations": list(of: "relation", "Dated, cited relations between actors."),
            ],
            "$defs": .object(definitions),
        ]
    }

    static func list(of definition: String, _ description: String) -> JSONSchemaValue {
        ["type": "array", "description": .string(description), "items": reference(definition)]
    }

    static func reference(_ definition: String) -> JSONSchemaValue {
        ["$ref": .string("#/$defs/\(definition)")]
    }

    static func described(_ definition: String, _ description: String) -> JSONSchemaValue {
        ["$ref": .string("#/$defs/\(definition)"), "description": .string(description)]
    }

    static func words<Word: RawRepresentable & CaseIterable>(_ type: Word.Type, _ description: String) -> JSONSchemaValue
    where Word.RawValue == String {
        ["enum": .array(Word.allCases.map { .string($0.rawValue) }), "description": .string(description)]
    }

    static var definitions: [String: JSONSchemaValue] {
        [
            "id": [
                "type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,63}$",
                "description": "A safe slug: lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters.",
            ],
            "text": ["type": ["string", "number", "boolean"], "description": "Text (any scalar reads as text)."],
            "date": [
                "description": "A date with its precision: YYYY, YYYY-MM or YYYY-MM-DD.",
                "anyOf": [
                    ["type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"],
                    ["type": "integer", "minimum": 1000, "maximum": 9999],
                ],
            ],
            "count": [
                "description": "A whole number from 0 to 999999999999999.",
                "anyOf": [
                    ["type": "integer", "minimum": 0, "maximum": 999_999_999_999_999],
                    ["type": "string", "pattern": "^\\+?[0-9]{1,15}$"],
                ],
            ],
            "number": [
                "description": "A number between -10^15 and 10^15.",
                "anyOf": [
                    ["type": "number", "exclusiveMinimum": .number(-1e15), "exclusiveMaximum": .number(1e15)],
                    ["type": "string", "pattern": "^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$"],
                ],
            ],
            "boolean": ["anyOf": [["type": "boolean"], ["enum": ["true", "false"]]]],
            "source": source,
            "actor": actor,
            "relation": relation,
            "evidence": [
                "type": "object", "additionalProperties": false, "required": ["source", "paragraph"],
                "description": "A pointer into the corpus.",
                "properties": [
                    "source": described("id", "The id of the source cited."),
                    "paragraph": [
                        "description": "The paragraph: the document's non-empty lines, counted from 1.",
                        "allOf": [reference("count"), ["not": ["enum": [0, "0"]]]],
                    ],
                ],
            ],
            "evidenceList": ["type": "array", "minItems": 1, "items": reference("evidence")],
            "claim": [
                "type": "object", "additionalProperties": false, "required": ["field", "value", "evidence"],
                "description": "One source's version of a fact that another source states differently.",
                "properties": [
                    "field": described("text", "The key in dispute: start, end, status, a type-specific key, or a quantity's 'what'."),
                    "value": described("text", "This source's value (an actor id for place and facility)."),
                    "evidence": reference("evidenceList"),
                ],
            ],
            "quantity": [
                "type": "object", "additionalProperties": false, "required": ["value", "unit", "what"],
                "description": "A stated amount.",
                "properties": ["value": reference("number"), "unit": reference("text"), "what": reference("text")],
            ],
            "location": [
                "type": "object", "additionalProperties": false, "required": ["lat", "lon"],
                "description": "Decimal degrees.",
                "properties": [
                    "lat": ["allOf": [reference("number"), ["anyOf": [["type": "string"], ["minimum": -90, "maximum": 90]]]]],
                    "lon": ["allOf": [reference("number"), ["anyOf": [["type": "string"], ["minimum": -180, "maximum": 180]]]]],
                ],
            ],
        ]
    }

    static var source: JSONSchemaValue {
        [
            "type": "object", "additionalProperties": false, "description": "A document of the corpus.",
            "required": ["id", "title", "publisher", "published", "file"],
            "properties": [
                "id": reference("id"),
                "title": described("text", "The document's title."),
                "publisher": described("text", "Who published it (site, agency, newspaper)."),
                "author": described("text", "The author, when the document names one."),
                "published": described("date", "Publication date with its precision."),
                "date_note": described("text", "When the document carries no date: how 'published' was inferred."),
                "file": described("text", "The corpus file name (a plain name, not a path)."),
                "url": described("text", "Where the document was published (http: or https:)."),
                "paragraphs": described("count", "How many paragraphs (non-empty lines) the file has."),
            ],
        ]
    }

    static var actor: JSONSchemaValue {
        [
            "type": "object", "additionalProperties": false, "description": "An actor.",
            "required": ["id", "name", "kind"],
            "not": ["required": ["country", "claimed_by"]],
            "properties": [
                "id": reference("id"),
                "name": described("text", "The usual name in English."),
                "kind": words(ActorKind.self, "What the actor is; 'collective' is a group a document names as one party."),
                "aliases": ["type": "array", "items": reference("text"), "description": "Other spellings the documents use."],
                "country": described("id", "The id of the state it belongs to."),
                "claimed_by": [
                    "type": "array", "items": reference("id"), "minItems": 2, "uniqueItems": true,
                    "description": "Contested places and facilities, instead of 'country': the ids of the states that each claim it.",
                ],
                "office": described("text", "A person's office or role."),
                "iso3": ["type": "string", "pattern": "^[A-Z]{3}$", "description": "A state's ISO 3166-1 alpha-3 code."],
                "location": described("location", "For a state its capital; for facilities and places where they are."),
                "capital": described("text", "A state's capital, by name."),
                "note": described("text", "One line in the project's own words."),
            ],
        ]
    }

    static let relationDescriptions: [String: String] = [
        "role": "A member's standing (membership).",
        "alliance_type": "The alliance's kind, after Correlates of War (alliance).",
        "domain": "The field covered (cooperation, agreement).",
        "facility": "The id of the facility deployed to (base-deployment).",
        "personnel": "How many personnel (base-deployment).",
        "lease": "The lease terms, one line (base-deployment).",
        "subject": "What the dispute is about (dispute).",
        "quantities": "Stated amounts (dispute).",
        "category": "The incident's PLOVER category (incident).",
        "place": "The id of the place (base-deployment, dispute, incident, meeting).",
        "dead": "How many died (incident).",
        "injured": "How many were injured (incident).",
        "directed": "false when the document names no side as starting the dispute or incident.",
    ]

    static var relation: JSONSchemaValue {
        var properties: [String: JSONSchemaValue] = [
            "id": reference("id"),
            "type": words(RelationType.self, "The relation type; it decides the type-specific keys."),
            "participants": [
                "type": "array", "items": reference("id"), "minItems": 1,
                "description": "Actor ids, at least two (one for an incident whose other side is unknown); for directed types the first acts on the others.",
            ],
            "start": described("date", "When the relation began or the event happened."),
            "end": described("date", "When it ended; absent while it lasts."),
            "status": words(RelationStatus.self, "Where the relation stands."),
            "summary": described("text", "One line in the project's own words."),
            "according_to": described("id", "The actor whose statement or belief the relation is."),
            "hedge": words(Hedge.self, "How surely the document puts it; absent when it asserts it as a fact."),
            "evidence": described("evidenceList", "The paragraphs that state the relation."),
            "claims": ["type": "array", "items": reference("claim"), "description": "Where sources disagree."],
            "role": words(MembershipRole.self, relationDescriptions["role"]!),
            "alliance_type": words(AllianceType.self, relationDescriptions["alliance_type"]!),
            "domain": words(CooperationDomain.self, relationDescriptions["domain"]!),
            "subject": words(DisputeSubject.self, relationDescriptions["subject"]!),
            "category": words(IncidentCategory.self, relationDescriptions["category"]!),
            "facility": described("id", relationDescriptions["facility"]!),
            "place": described("id", relationDescriptions["place"]!),
            "personnel": described("count", relationDescriptions["personnel"]!),
            "dead": described("count", relationDescriptions["dead"]!),
            "injured": described("count", relationDescriptions["injured"]!),
            "lease": described("text", relationDescriptions["lease"]!),
            "quantities": ["type": "array", "items": reference("quantity"), "description": .string(relationDescriptions["quantities"]!)],
            "directed": described("boolean", relationDescriptions["directed"]!),
        ]
        properties = properties.filter { ModelKeys.relation.contains($0.key) }
        // Each type forbids the type-specific keys it does not take; all but incidents need two participants.
        var rules: [JSONSchemaValue] = RelationType.allCases.map { type in
            let allowed = ModelKeys.typeSpecificKeys(of: type)
            var forbidden: [String: JSONSchemaValue] = [:]
            for key in ModelKeys.typeSpecific where !allowed.contains(key) { forbidden[key] = false }
            if type.minimumParticipants > 1 { forbidden["participants"] = ["minItems": .integer(type.minimumParticipants)] }
            return ["if": ["properties": ["type": ["const": .string(type.rawValue)]], "required": ["type"]],
                    "then": ["properties": .object(forbidden)]]
        }
        rules.append(["if": ["properties": ["hedge": ["const": "stated"]], "required": ["hedge"]], "then": ["required": ["according_to"]]])
        return [
            "type": "object", "additionalProperties": false, "description": "A dated, cited relation between actors.",
            "required": ["id", "type", "participants", "status", "summary", "evidence"],
            "properties": .object(properties),
            "allOf": .array(rules),
        ]
    }
}
