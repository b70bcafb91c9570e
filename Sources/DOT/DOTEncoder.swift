import Foundation

/// Writes a `Graph` as DOT text. It owns all quoting and escaping, and its output is deterministic:
/// statements in insertion order, attributes sorted by name, an `id` on every node (at its first
/// statement), edge and cluster.
public struct DOTEncoder: Sendable {
    public init() {}

    public func encode(_ graph: Graph) -> String {
        encode(graph, tooltips: nil)
    }

    /// The graph as DOT with a placeholder for each tooltip, and the tooltips: see `TooltipPlaceholders`.
    public func encodeWithTooltipPlaceholders(_ graph: Graph) -> TooltipPlaceholders {
        let tooltips = TooltipList()
        let dot = encode(graph, tooltips: tooltips)
        return TooltipPlaceholders(dot: dot, tooltips: tooltips.texts)
    }

    private func encode(_ graph: Graph, tooltips: TooltipList?) -> String {
        var ids = IDAllocator(prefix: graph.idPrefix)
        var attributes = graph.attributes.sorted
        attributes.append(("id", .text(ids.graphID)))
        var out = ""
        let keyword = graph.isDirected ? "digraph" : "graph"
        out += graph.name.map { "\(keyword) \(quotedID($0)) {" } ?? "\(keyword) {"
        out += "\n"
        writeBody(of: graph, graphAttributes: attributes, directed: graph.isDirected, ids: &ids, indent: "\t", tooltips: tooltips,
                  to: &out)
        out += "}\n"
        return out
    }

    /// Writes a graph's or subgraph's statements, a line each, into one growing text.
    private func writeBody(of container: some StatementContainer, graphAttributes: [(name: String, value: DOTValue)],
                           directed: Bool, ids: inout IDAllocator, indent: String, tooltips: TooltipList?, to out: inout String) {
        for (keyword, list) in [("graph", graphAttributes), ("node", container.nodeDefaults.sorted),
                                ("edge", container.edgeDefaults.sorted)] where !list.isEmpty {
            out += indent
            out += keyword
            out += " "
            writeAttributeList(list.sorted { $0.name < $1.name }, tooltips, to: &out)
            out += ";\n"
        }
        for statement in container.statements {
            switch statement {
            case .node(let node):
                out += indent
                out += quotedID(node.name)
                if ids.declare(node: node.name) {
                    out += " "
                    writeAttributeList(withID(node.attributes, ids.allocate("node", node.name)), tooltips, to: &out)
                } else if !node.attributes.isEmpty {
                    out += " "
                    writeAttributeList(node.attributes.sorted, tooltips, to: &out)
                }
                out += ";\n"
            case .edge(let edge):
                let id = ids.allocate("edge", edge.key ?? "\(edge.from)--\(edge.to)")
                out += indent
                out += quotedID(edge.from)
                out += directed ? " -> " : " -- "
                out += quotedID(edge.to)
                out += " "
                writeAttributeList(withID(edge.attributes, id), tooltips, to: &out)
                out += ";\n"
            case .subgraph(let subgraph):
                let name = subgraph.isCluster ? "cluster_" + subgraph.name : subgraph.name
                var attributes = subgraph.attributes.sorted
                if subgraph.isCluster {
                    attributes = withID(subgraph.attributes, ids.allocate("cluster", subgraph.name))
                }
                out += indent
                out += "subgraph "
                out += quotedID(name)
                out += " {\n"
                writeBody(of: subgraph, graphAttributes: attributes, directed: directed, ids: &ids, indent: indent + "\t",
                          tooltips: tooltips, to: &out)
                out += indent
                out += "}\n"
            }
        }
    }

    /// The attributes, sorted by name, with `id` set to `id` in its place among them.
    private func withID(_ attributes: Attributes, _ id: String) -> [(name: String, value: DOTValue)] {
        var list = attributes.sorted.filter { $0.name != "id" }
        let place = list.firstIndex { $0.name > "id" } ?? list.endIndex
        list.insert(("id", .text(id)), at: place)
        return list
    }

    private func writeAttributeList(_ attributes: [(name: String, value: DOTValue)], _ tooltips: TooltipList?, to out: inout String) {
        out += "["
        for (index, attribute) in attributes.enumerated() {
            if index > 0 { out += ", " }
            out += quotedID(attribute.name)
            out += "="
            write(attribute.value, tooltips: tooltips, to: &out)
        }
        out += "]"
    }

    /// The DOT token for a value.
    public func value(_ value: DOTValue) -> String {
        var token = ""
        write(value, tooltips: nil, to: &token)
        return token
    }

    /// Writes the DOT token for a value; a tooltip becomes a placeholder when its text goes to `tooltips`.
    private func write(_ value: DOTValue, tooltips: TooltipList?, to out: inout String) {
        switch value {
        case .text(let text):
            out += "\""
            out += escapedText(text, lineBreak: "\\n")
            out += "\""
        case .tooltip(let text):
            out += "\""
            if let tooltips {
                tooltips.writePlaceholder(for: text, to: &out)
            } else {
                out += escapedTooltip(text)
            }
            out += "\""
        case .justifiedLines(let lines, let justification):
            let end = "\\" + justification.rawValue
            out += "\""
            for line in lines {
                out += escapedText(line, lineBreak: end)
                out += end
            }
            out += "\""
        case .plain(let string):
            let token = quotedID(string)
            out += token.utf8.count > DOTEncoder.longestQuotedString ? DOTEncoder.concatenated(token) : token
        case .html(let label):
            out += "<"
            out += HTMLWriter().markup(label)
            out += ">"
        case .number(let number):
            out += DOTEncoder.format(number)
        case .integer(let number):
            out += String(number)
        case .boolean(let flag):
            out += flag ? "true" : "false"
        }
    }

    /// Graphviz 2.43's lexer refuses a quoted string longer than 16,384 bytes ("syntax error ... scanning a quoted
    /// string"); a longer one is written as pieces joined with DOT's `+`, which the parser concatenates.
    public static let longestQuotedString = 16_000

    /// A quoted token cut into `"…" + "…"` pieces of at most `longestQuotedString` bytes, each cut at an ASCII
    /// byte that neither is nor follows a backslash, so no escape sequence and no multi-byte character is split.
    static func concatenated(_ token: String) -> String {
        let bytes = Array(token.utf8)
        guard bytes.count > longestQuotedString, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") else { return token }
        let body = bytes[1..<(bytes.count - 1)]
        var result: [UInt8] = [UInt8(ascii: "\"")]
        result.reserveCapacity(bytes.count + bytes.count / longestQuotedString * 5 + 8)
        var pieceStart = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if index - pieceStart >= longestQuotedString - 64, byte < 0x80, byte != UInt8(ascii: "\\"),
               index > pieceStart, body[index - 1] != UInt8(ascii: "\\") {
                result += body[pieceStart..<index]
                result += Array("\" + \"".utf8)
                pieceStart = index
            }
            index += 1
        }
        result += body[pieceStart...]
        result.append(UInt8(ascii: "\""))
        return String(decoding: result, as: UTF8.self)
    }

    /// A tooltip's escString body: Graphviz unescapes tooltips twice, so backslashes are quadrupled.
    func escapedTooltip(_ text: String) -> String {
        escapedText(text, lineBreak: "\\n", backslash: "\\\\\\\\")
    }

    /// An escString body that Graphviz shows exactly as `text`: backslashes doubled (the DOT lexer keeps
    /// them, the label reader then halves them), quotes escaped, `&` written as an entity (Graphviz decodes
    /// entities in plain labels), newlines as line breaks, tabs as spaces, other control characters as U+FFFD.
    func escapedText(_ text: String, lineBreak: String, backslash: String = "\\\\") -> String {
        guard text.utf8.contains(where: DOTEncoder.needsEscaping) else { return text }
        let lineBreak = Array(lineBreak.utf8), backslash = Array(backslash.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        var previousWasCarriageReturn = false
        // Only ASCII bytes are rewritten; the bytes of other characters are copied as they are.
        for byte in text.utf8 {
            defer { previousWasCarriageReturn = byte == UInt8(ascii: "\r") }
            switch byte {
            case UInt8(ascii: "\\"): result += backslash
            case UInt8(ascii: "\""): result += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "&"): result += Array("&amp;".utf8)
            case UInt8(ascii: "\n"): if !previousWasCarriageReturn { result += lineBreak }
            case UInt8(ascii: "\r"): result += lineBreak
            case UInt8(ascii: "\t"): result.append(UInt8(ascii: " "))
            case 0..<0x20, 0x7F: result += DOTEncoder.replacementCharacter
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// U+FFFD in UTF-8.
    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Whether a UTF-8 byte is one `escapedText` rewrites: a backslash, quote, ampersand or control character.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "&")
    }

    /// An identifier: bare when DOT allows it, otherwise quoted with quotes and backslashes escaped, line
    /// breaks as spaces and other control characters as U+FFFD.
    public func quotedID(_ id: String) -> String {
        if DOTEncoder.isBareID(id) { return id }
        if !id.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) {
            return "\"" + id + "\""
        }
        var result = "\""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n", "\r": result += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    /// Whether an identifier is a DOT keyword in any case; only names of four to eight letters can be.
    private static func isKeyword(_ id: String) -> Bool {
        (4...8).contains(id.utf8.count) && keywords.contains(id.lowercased())
    }

    static func isBareID(_ id: String) -> Bool {
        guard let first = id.utf8.first else { return false }
        if isLetter(first) {
            return id.utf8.allSatisfy { isLetter($0) || isDigit($0) } && !isKeyword(id)
        }
        let digits = Substring(id).utf8.dropFirst(id.hasPrefix("-") ? 1 : 0)
        let parts = digits.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return !digits.isEmpty && parts.count <= 2 && parts.contains { !$0.isEmpty } && parts.allSatisfy { $0.allSatisfy(isDigit) }
    }

    /// An ASCII letter or underscore: what a bare identifier starts with.
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "_")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A number with at most four decimals and no trailing zeros, independent of locale.
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "0" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int(number))
        }
        // "%.4f" by the C library itself: Foundation's `String(format:)` cost more than the rest of encoding.
        let text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer -> String in
            let written = withVaList([number]) { vsnprintf(buffer.baseAddress, buffer.count, "%.4f", $0) }
            var end = min(Int(written), buffer.count - 1)
            while end > 0, buffer[end - 1] == CChar(UInt8(ascii: "0")) { end -= 1 }
            if end > 0, buffer[end - 1] == CChar(UInt8(ascii: ".")) { end -= 1 }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: end), as: UTF8.self)
        }
        return text == "-0" ? "0" : text
    }
}

/// Hands out unique, HTML-safe `id` values under one prefix.
struct IDAllocator {
    let prefix: String
    private var used: Set<String> = []
    private var declaredNodes: Set<String> = []

    /// True the first time a node name is declared; later statements about the node get no new `id`.
    mutating func declare(node name: String) -> Bool {
        declaredNodes.insert(name).inserted
    }

    init(prefix: String) {
        self.prefix = IDAllocator.sanitized(prefix)
    }

    var graphID: String { prefix }

    mutating func allocate(_ kind: String, _ name: String) -> String {
        let base = "\(prefix)-\(kind)-\(IDAllocator.sanitized(name))"
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    static func sanitized(_ name: String) -> String {
        guard !name.isEmpty else { return "_" }
        if name.utf8.allSatisfy(isAllowed) { return name }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { $0.isASCII && isAllowed(UInt8($0.value)) ? $0 : "_" }))
    }

    /// ASCII letters, digits, `-` and `_`.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
