import Foundation

/// A JSON value for writing schemas: objects are encoded with sorted keys, so a schema is the same bytes every time.
indirect enum JSONSchemaValue: Encodable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case array([JSONSchemaValue])
    case object([String: JSONSchemaValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .boolean(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(arrayLiteral elements: JSONSchemaValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONSchemaValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The value with `entries` added (an object's entries replaced where they share a key).
    func adding(_ entries: [String: JSONSchemaValue]) -> JSONSchemaValue {
        guard case .object(var object) = self else { return self }
        object.merge(entries) { _, new in new }
        return .object(object)
    }

    /// Pretty-printed JSON with sorted keys and a final newline.
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding a tree of strings, numbers and containers cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
