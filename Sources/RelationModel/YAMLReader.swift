import Yams

/// Reads typed values out of composed YAML nodes, recording located diagnostics instead of throwing.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    /// The longest text any single field may hold.
    static let maximumScalarLength = 10_000
    /// Numbers must stay below this in magnitude: pages, diagrams and exports write them in plain digits, and
    /// whole numbers pass through `Int` on the way.
    static let numberLimit = 1e15

    init(file: String) {
        self.file = file
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func error(_ message: String, at node: Node) {
        diagnostics.append(.error(message, at: location(of: node)))
    }

    mutating func warning(_ message: String, at node: Node) {
        diagnostics.append(.warning(message, at: location(of: node)))
    }

    /// A mapping's entries by key, reporting unknown and missing keys; nil when `node` is not a mapping.
    mutating func fields(of node: Node, what: String, allowed: [String], required: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping, found \(node.kindName)", at: node)
            return nil
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error("keys of \(what) must be plain names", at: key)
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                var message = "unknown key '\(name)' in \(what)"
                if let suggestion = Spelling.closest(to: name, among: allowed) {
                    message += "; did you mean '\(suggestion)'?"
                }
                error(message, at: key)
                continue
            }
            if values[name] != nil {
                error("duplicate key '\(name)' in \(what)", at: key)
                continue
            }
            values[name] = value
        }
        for name in required where values[name] == nil {
            error("\(what) is missing required key '\(name)'", at: node)
        }
        return Fields(node: node, values: values)
    }

    /// A scalar's text, or nil (with an error) for anything else; YAML null reads as absent.
    mutating func string(_ node: Node?, _ field: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error("'\(field)' must be text, found \(node.kindName)", at: node)
            return nil
        }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            error("'\(field)' is empty", at: node)
            return nil
        }
        guard scalar.string.count <= Self.maximumScalarLength else {
            error("'\(field)' is longer than \(Self.maximumScalarLength) characters", at: node)
            return nil
        }
        // Pages, SVG and DOT cannot hold control characters (XML 1.0 forbids them), and the site's build marks
        // places in diagram text with them (`SummaryPlaceholders`, `TooltipPlaceholders`).
        if let control = scalar.string.unicodeScalars.first(where: { ($0.value < 0x20 && !["\t", "\n", "\r"].contains($0)) || (0x7F...0x9F).contains($0.value) }) {
            let code = String(control.value, radix: 16, uppercase: true)
            error("'\(field)' contains the control character U+\(String(repeating: "0", count: 4 - code.count))\(code)", at: node)
            return nil
        }
        return scalar.string
    }

    /// A non-negative whole number below `numberLimit`.
    mutating func count(_ node: Node?, _ field: String) -> Int? {
        guard let node, let text = string(node, field) else { return nil }
        guard let value = Int(text), value >= 0 else {
            error("'\(field)' must be a whole number of at least 0, found '\(text.truncatedForMessage)'", at: node)
            return nil
        }
        guard Double(value) < Self.numberLimit else {
            error("'\(field)' \(text.truncatedForMessage) is too large to show: whole numbers go up to 999999999999999", at: node)
            return nil
        }
        return value
    }

    /// A finite number whose magnitude is below `numberLimit`.
    mutating func number(_ node: Node?, _ field: String) -> Double? {
        guard let node, let text = string(node, field) else { return nil }
        guard let value = Double(text), value.isFinite else {
            error("'\(field)' must be a number, found '\(text.truncatedForMessage)'", at: node)
            return nil
        }
        guard abs(value) < Self.numberLimit else {
            error("'\(field)' \(text.truncatedForMessage) is too large to show: numbers must lie between -10^15 and 10^15", at: node)
            return nil
        }
        return value
    }

    /// `true` or `false`.
    mutating func boolean(_ node: Node?, _ field: String) -> Bool? {
        guard let node, let text = string(node, field) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            error("'\(field)' must be true or false, found '\(text.truncatedForMessage)'", at: node)
            return nil
        }
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(_ node: Node?, _ field: String, as type: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let node, let text = string(node, field) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let names = Value.allCases.map(\.rawValue)
        var message = "unknown \(field) '\(text.truncatedForMessage)'"
        if let suggestion = Spelling.closest(to: text, among: names) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += " (expected one of: \(names.joined(separator: ", ")))"
        }
        error(message, at: node)
        return nil
    }

    mutating func date(_ node: Node?, _ field: String) -> PartialDate? {
        guard let node, let text = string(node, field) else { return nil }
        guard let date = PartialDate(text) else {
            error("'\(field)' is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD: '\(text.truncatedForMessage)'", at: node)
            return nil
        }
        return date
    }

    /// A safe slug: lower-case letters, digits and '-', at most 64 characters.
    mutating func identifier(_ node: Node?, _ field: String) -> String? {
        guard let node, let text = string(node, field) else { return nil }
        guard Identifier.isSafeSlug(text) else {
            error("'\(field)' '\(text.truncatedForMessage)' is not a safe id (lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters)", at: node)
            return nil
        }
        return text
    }

    /// A sequence's items, or nil with an error for anything else.
    mutating func items(_ node: Node?, _ field: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            error("'\(field)' must be a list, found \(node.kindName)", at: node)
            return nil
        }
        return Array(sequence)
    }

    mutating func strings(_ node: Node?, _ field: String) -> [String]? {
        guard let items = items(node, field) else { return nil }
        return items.compactMap { string($0, field) }
    }
}

/// The recognised entries of one YAML mapping.
struct Fields {
    let node: Node
    let values: [String: Node]

    subscript(key: String) -> Node? { values[key] }
}

/// Safe-slug identifiers: they become file names in the report site.
public enum Identifier {
    public static func isSafeSlug(_ text: String) -> Bool {
        guard (1...64).contains(text.utf8.count), let first = text.utf8.first, first != UInt8(ascii: "-") else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }
}

/// Suggestions for misspelt names.
enum Spelling {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(100)), b = Array(b.prefix(100))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: return "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension String {
    /// The text cut to a length fit for a one-line message, with line breaks shown as spaces.
    var truncatedForMessage: String {
        let flat = String(map { $0.isNewline ? " " : $0 })
        return flat.count > 60 ? flat.prefix(57) + "..." : flat
    }
}
