import Foundation

/// The documents a model cites, read from a corpus folder, split into paragraphs (non-empty lines, from 1).
public struct Corpus: Sendable {
    public var directory: String
    public private(set) var paragraphsByFile: [String: [String]] = [:]

    public init(directory: String) {
        self.directory = directory
    }

    /// The paragraphs of a corpus file, or nil when it cannot be read.
    public mutating func paragraphs(of file: String) -> [String]? {
        if let cached = paragraphsByFile[file] { return cached }
        guard CorpusFileName.isPlain(file),
              let data = FileManager.default.contents(atPath: "\(directory)/\(file)"),
              let text = String(validatingUTF8Data: data) else { return nil }
        let paragraphs = Corpus.paragraphs(in: text)
        paragraphsByFile[file] = paragraphs
        return paragraphs
    }

    /// Splits text into paragraphs: its non-empty lines, trimmed.
    public static func paragraphs(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Checks every evidence pointer against the text: the file and the paragraph exist, and the cited
    /// paragraphs of each source name every participant by name or alias.
    public mutating func check(_ model: RelationModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for source in model.sources {
            guard let paragraphs = paragraphs(of: source.file) else {
                diagnostics.append(.error("corpus file '\(source.file)' of source '\(source.id)' is missing or unreadable in \(directory)", at: source.location))
                continue
            }
            if let count = source.paragraphs, count != paragraphs.count {
                diagnostics.append(.warning("source '\(source.id)' records \(count) paragraphs but '\(source.file)' has \(paragraphs.count)", at: source.location))
            }
        }
        for relation in model.relations {
            diagnostics += check(relation, in: model)
        }
        return diagnostics
    }

    mutating func check(_ relation: Relation, in model: RelationModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var citedBySource: [(source: Source, paragraphs: [String], location: SourceLocation)] = []
        for pointer in relation.evidence {
            guard let source = model.source(pointer.source), let paragraphs = paragraphs(of: source.file) else { continue }
            guard pointer.paragraph <= paragraphs.count else {
                diagnostics.append(.error("paragraph \(pointer.paragraph) does not exist: '\(source.file)' has \(paragraphs.count) paragraphs", at: pointer.location))
                continue
            }
            let text = paragraphs[pointer.paragraph - 1]
            if let index = citedBySource.firstIndex(where: { $0.source.id == source.id }) {
                citedBySource[index].paragraphs.append(text)
            } else {
                citedBySource.append((source, [text], pointer.location))
            }
        }
        for pointer in relation.claims.flatMap(\.evidence) {
            guard let source = model.source(pointer.source), let paragraphs = paragraphs(of: source.file) else { continue }
            if pointer.paragraph > paragraphs.count {
                diagnostics.append(.error("paragraph \(pointer.paragraph) does not exist: '\(source.file)' has \(paragraphs.count) paragraphs", at: pointer.location))
            }
        }
        for cited in citedBySource {
            let text = cited.paragraphs.joined(separator: "\n")
            for participant in relation.participants {
                guard let actor = model.actor(participant) else { continue }
                if !actor.names.contains(where: { NameMatch.mentions(text, $0) }) {
                    diagnostics.append(.warning("relation '\(relation.id)': the paragraphs cited from '\(cited.source.id)' do not mention '\(actor.name)' by name or alias", at: cited.location))
                }
            }
        }
        if let speaker = relation.accordingTo.flatMap(model.actor), let first = citedBySource.first {
            let text = citedBySource.flatMap(\.paragraphs).joined(separator: "\n")
            if !speaker.names.contains(where: { NameMatch.mentions(text, $0) }) {
                diagnostics.append(.warning("relation '\(relation.id)' is according to '\(speaker.name)', whom no paragraph it cites mentions by name or alias",
                                            at: relation.fieldLocations["according_to"] ?? first.location))
            }
        }
        return diagnostics
    }
}

/// How a paragraph is taken to mention a name: as whole words (an English plural or possessive `s` may follow),
/// ignoring case, except that an all-capitals name (an acronym such as `US` or `SCO`) must match its case. A name
/// of several words is also mentioned when other words are coordinated with its first: "Kyrgyz and Uzbek border
/// guards" mentions "Kyrgyz border guard".
public enum NameMatch {
    public static func mentions(_ text: String, _ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        let isAcronym = name.allSatisfy { !$0.isLetter || $0.isUppercase } && name.contains(where: \.isLetter)
        let options: String.CompareOptions = isAcronym ? [] : [.caseInsensitive]
        return mentionsExactly(text, name, options: options) || mentionsCoordinated(text, name, options: options)
    }

    /// "Kyrgyz border guard" in "Kyrgyz and Uzbek border guards" or "Kyrgyz, Tajik and Uzbek border guards".
    static func mentionsCoordinated(_ text: String, _ name: String, options: String.CompareOptions) -> Bool {
        let words = name.split(separator: " ")
        guard words.count > 1 else { return false }
        let head = String(words[0])
        let rest = words.dropFirst().joined(separator: " ")
        let escape = { (text: String) in NSRegularExpression.escapedPattern(for: text) }
        let pattern = "(?<![\\p{L}\\p{N}])" + escape(head)
            + "(?:(?:\\s*,\\s*|\\s*,?\\s+(?:and|or)\\s+)[\\p{L}\\p{N}'’-]+)+\\s+" + escape(rest)
            + "(?:s|['’]s)?(?![\\p{L}\\p{N}])"
        let flags: NSRegularExpression.Options = options.contains(.caseInsensitive) ? [.caseInsensitive] : []
        guard let expression = try? NSRegularExpression(pattern: pattern, options: flags) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func mentionsExactly(_ text: String, _ name: String, options: String.CompareOptions) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: name, options: options, range: searchRange) {
            let startsWord = found.lowerBound == text.startIndex || !text[text.index(before: found.lowerBound)].isWordCharacter
            var end = found.upperBound
            if end < text.endIndex, text[end] == "s" || text[end] == "S" {
                end = text.index(after: end)
            } else if end < text.endIndex, text[end] == "'" || text[end] == "\u{2019}" {
                let next = text.index(after: end)
                if next < text.endIndex, text[next] == "s" { end = text.index(after: next) }
            }
            let endsWord = end == text.endIndex || !text[end].isWordCharacter
            let endsExactly = found.upperBound == text.endIndex || !text[found.upperBound].isWordCharacter
            if startsWord && (endsWord || endsExactly) { return true }
            searchRange = text.index(after: found.lowerBound)..<text.endIndex
        }
        return false
    }
}

private extension Character {
    var isWordCharacter: Bool { isLetter || isNumber }
}
