/// Groups the elements Graphviz draws for a graph's `_background` (a map's sea, countries, borders) so pages and
/// users can style them: Graphviz writes each xdot operation as one bare element, so the DOT carries a graph
/// comment, `relmap-svg-groups …`, listing the runs of elements in drawing order, and this wraps each run in a
/// `<g class="…">` and removes the comment.
///
/// The comment's tokens: `(a.b` opens `<g class="a b">`, `)` closes it, `a.b=N` wraps the next N elements in
/// `<g class="a b">`, `=N` leaves N elements as they are. When the elements do not match the list (another
/// Graphviz, a hand-written DOT), the SVG is returned without the comment but otherwise untouched.
enum SVGGroups {
    static func grouped(_ svg: [UInt8]) -> [UInt8] {
        guard let commentStart = OutputNormalizer.firstIndex(of: marker, in: svg, from: 0),
              let commentEnd = OutputNormalizer.firstIndex(of: Array("-->".utf8), in: svg, from: commentStart) else { return svg }
        var afterComment = commentEnd + 3
        if afterComment < svg.count, svg[afterComment] == UInt8(ascii: "\n") { afterComment += 1 }
        let spec = String(decoding: svg[(commentStart + marker.count)..<commentEnd], as: UTF8.self)
            .replacingAll("&#45;", with: "-")
        var text = Array(svg[..<commentStart]) + svg[afterComment...]
        guard let tokens = parse(spec), let start = firstBackgroundElement(in: text) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.count + tokens.count * 24)
        output += text[..<start]
        var index = start
        for token in tokens {
            switch token {
            case .open(let classes):
                output += Array("<g class=\"\(classes)\">\n".utf8)
            case .close:
                output += Array("</g>\n".utf8)
            case .run(let classes, let count):
                if let classes { output += Array("<g class=\"\(classes)\">\n".utf8) }
                for _ in 0..<count {
                    guard let end = lineEnd(in: text, from: index), isDrawingElement(text, at: index) else { return text }
                    output += text[index..<end]
                    index = end
                }
                if classes != nil { output += Array("</g>\n".utf8) }
            }
        }
        output += text[index...]
        text = output
        return text
    }

    private static let marker = Array("<!-- relmap&#45;svg&#45;groups ".utf8)

    enum Token: Equatable {
        case open(String)
        case close
        case run(String?, Int)
    }

    static func parse(_ spec: String) -> [Token]? {
        var tokens: [Token] = []
        var depth = 0
        for word in spec.split(separator: " ") {
            if word == ")" {
                depth -= 1
                guard depth >= 0 else { return nil }
                tokens.append(.close)
            } else if word.hasPrefix("(") {
                depth += 1
                tokens.append(.open(classes(word.dropFirst())))
            } else if let equals = word.lastIndex(of: "="), let count = Int(word[word.index(after: equals)...]), count >= 0 {
                let name = word[..<equals]
                tokens.append(.run(name.isEmpty ? nil : classes(name), count))
            } else {
                return nil
            }
        }
        return depth == 0 ? tokens : nil
    }

    private static func classes(_ dotted: Substring) -> String {
        dotted.split(separator: ".").filter { word in word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
            .joined(separator: " ")
    }

    /// The line after the graph's page background: `<g id=… class="graph" …>`, its `<title>`, the background
    /// polygon, then what `_background` drew.
    private static func firstBackgroundElement(in text: [UInt8]) -> Int? {
        guard let graph = OutputNormalizer.firstIndex(of: Array("class=\"graph\"".utf8), in: text, from: 0),
              var index = lineEnd(in: text, from: graph) else { return nil }
        for expected in ["<title>", "<polygon"] {
            guard text.matches(Array(expected.utf8), at: index), let end = lineEnd(in: text, from: index) else { return nil }
            index = end
        }
        return index
    }

    private static func lineEnd(in text: [UInt8], from index: Int) -> Int? {
        guard index < text.count, let newline = text[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        return newline + 1
    }

    private static let elements = ["<polygon ", "<polyline ", "<text ", "<path ", "<ellipse "].map { Array($0.utf8) }

    private static func isDrawingElement(_ text: [UInt8], at index: Int) -> Bool {
        elements.contains { text.matches($0, at: index) }
    }
}

private extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
