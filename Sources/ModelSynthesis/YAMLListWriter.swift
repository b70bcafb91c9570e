/// Writes one top-level YAML list of mappings in block style; values arrive already written as YAML.
struct YAMLListWriter {
    private(set) var text = ""
    private var isEmpty = true
    private let key: String

    init(key: String) {
        self.key = key
    }

    /// Appends a mapping; pairs with a nil value are left out.
    mutating func item(_ pairs: [(String, String?)]) {
        if isEmpty {
            text += "\(key):\n"
            isEmpty = false
        }
        var first = true
        for (name, value) in pairs {
            guard let value else { continue }
            text += (first ? "  - " : "    ") + name + ": " + value + "\n"
            first = false
        }
    }

    /// The finished list; an empty list is written `key: []`.
    var finished: String { isEmpty ? "\(key): []\n" : text }
}

/// Small YAML value writers.
enum YAMLValue {
    static func text(_ value: String) -> String { YAMLQuoting.quoted(value) }

    static func texts(_ values: [String]) -> String? {
        values.isEmpty ? nil : "[" + values.map(YAMLQuoting.quoted).joined(separator: ", ") + "]"
    }

    /// A decimal with four places, from ten-thousandths, without floating-point formatting.
    static func decimal(tenThousandths value: Int) -> String {
        let magnitude = abs(value)
        return (value < 0 ? "-" : "") + "\(magnitude / 10_000)." + zeroPadded(magnitude % 10_000, width: 4)
    }

    /// `7` as `0007` for width 4.
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
