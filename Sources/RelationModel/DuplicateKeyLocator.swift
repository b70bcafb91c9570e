/// Finds where a mapping key is written a second time. The YAML composer reports a duplicate key at its first
/// occurrence; a diagnostic should point at the repeat, as duplicate ids do.
enum DuplicateKeyLocator {
    /// The line and column (1-based) of the next key `key` in the same mapping as the key written at
    /// `line`:`column`, or nil when the text does not show it plainly.
    static func repeatOf(_ key: String, at line: Int, column: Int, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard (1...lines.count).contains(line), column >= 1, column <= lines[line - 1].count else { return nil }
        let before = lines[line - 1][..<(column - 1)].filter { $0 != " " }
        if let opener = before.last, opener == "{" || opener == "," {
            return flowRepeat(of: key, lines: lines, line: line, column: column)
        }
        return blockRepeat(of: key, lines: lines, line: line, column: column)
    }

    /// In a block mapping: the next line whose key starts at the same column; the mapping ends at a line that
    /// starts further left.
    static func blockRepeat(of key: String, lines: [[Unicode.Scalar]], line: Int, column: Int) -> (line: Int, column: Int)? {
        for index in line..<lines.count {
            let scalars = lines[index]
            guard let start = scalars.firstIndex(where: { $0 != " " }), scalars[start] != "#" else { continue }
            if start + 1 < column { return nil }
            if start + 1 == column, startsWithKey(key, scalars[start...]) { return (index + 1, column) }
        }
        return nil
    }

    /// In a flow mapping: the next entry at the same depth, until the mapping closes.
    static func flowRepeat(of key: String, lines: [[Unicode.Scalar]], line: Int, column: Int) -> (line: Int, column: Int)? {
        var depth = 0
        var quote: Unicode.Scalar?
        var index = line - 1
        var position = column - 1
        var entryStarts = false
        while index < lines.count {
            let scalars = lines[index]
            while position < scalars.count {
                let scalar = scalars[position]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if entryStarts, scalar != " " {
                    entryStarts = false
                    if depth == 0, startsWithKey(key, scalars[position...]) { return (index + 1, position + 1) }
                    continue
                } else {
                    switch scalar {
                    case "\"", "'": quote = scalar
                    case "{", "[": depth += 1
                    case "}", "]":
                        if depth == 0 { return nil }
                        depth -= 1
                    case "," where depth == 0: entryStarts = true
                    default: break
                    }
                }
                position += 1
            }
            index += 1
            position = 0
        }
        return nil
    }

    /// Whether the text begins with `key`, plain or quoted, followed by a colon.
    static func startsWithKey(_ key: String, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let keyScalars = Array(key.unicodeScalars)
        for spelling in [keyScalars, ["\""] + keyScalars + ["\""], ["'"] + keyScalars + ["'"]] {
            guard text.starts(with: spelling) else { continue }
            let rest = text.dropFirst(spelling.count).drop { $0 == " " }
            if rest.first == ":" { return true }
        }
        return false
    }
}
