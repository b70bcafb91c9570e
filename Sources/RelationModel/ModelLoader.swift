import Foundation
import ParallelWork
import Yams

/// A model file or directory that could not be read at all (as opposed to one with bad contents).
public struct ModelInputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): error: \(reason)" }
}

/// The outcome of loading a model: what could be read, and every problem found on the way.
public struct LoadedModel: Sendable {
    public var model: RelationModel
    public var diagnostics: [Diagnostic]
    /// The model files read, in order, with their bytes' hash inputs.
    public var files: [String]
}

/// Reads a relation model from a YAML file or a directory of YAML files.
public enum ModelLoader {
    /// The largest model file accepted.
    public static let maximumFileSize = 16 << 20
    /// The deepest nesting of lists and mappings accepted.
    public static let maximumNesting = 32

    /// The YAML files a path names: itself, or every `*.yaml`/`*.yml` below it in name order.
    public static func modelFiles(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ModelInputError(path: path, reason: "no such file or directory")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw ModelInputError(path: path, reason: "cannot list the directory")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            files.append(relative)
        }
        guard !files.isEmpty else {
            throw ModelInputError(path: path, reason: "the directory holds no .yaml or .yml files")
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        return files.sorted().map { "\(base)/\($0)" }
    }

    /// Loads every model file at `path`; contents problems come back as diagnostics, unreadable input throws.
    /// Files are parsed on up to `processors` threads.
    public static func load(path: String, processors: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> LoadedModel {
        let files = try modelFiles(at: path)
        var contents: [(String, Data)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ModelInputError(path: file, reason: "cannot read the file (permission denied or not a regular file)")
            }
            contents.append((file, data))
        }
        return load(contents, processors: processors)
    }

    /// Loads model files given as (name, bytes) pairs, parsing them on up to `processors` threads and putting
    /// what they hold together in the order given.
    public static func load(_ contents: [(name: String, data: Data)],
                            processors: Int = ProcessInfo.processInfo.activeProcessorCount) -> LoadedModel {
        var sources: [Source] = []
        var actors: [Actor] = []
        var relations: [Relation] = []
        var diagnostics: [Diagnostic] = []
        // Parsing YAML is most of the time of loading a model, and each file parses on its own.
        let documents = ParallelResults(count: contents.count, processors: processors) { index in
            ModelDocument(file: contents[index].name, data: contents[index].data).read()
        }
        for parsed in documents.values {
            sources += parsed.sources
            actors += parsed.actors
            relations += parsed.relations
            diagnostics += parsed.diagnostics
        }
        let model = RelationModel(sources: sources, actors: actors, relations: relations)
        return LoadedModel(model: model, diagnostics: diagnostics, files: contents.map(\.name))
    }
}

/// One YAML file of a model.
struct ModelDocument {
    let file: String
    let data: Data

    struct Parsed {
        var sources: [Source] = []
        var actors: [Actor] = []
        var relations: [Relation] = []
        var diagnostics: [Diagnostic] = []
    }

    func read() -> Parsed {
        var parsed = Parsed()
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard data.count <= ModelLoader.maximumFileSize else {
            parsed.diagnostics.append(.error("the file is larger than \(ModelLoader.maximumFileSize >> 20) MiB", at: start))
            return parsed
        }
        guard var text = String(validatingUTF8Data: data) else {
            parsed.diagnostics.append(.error("the file is not valid UTF-8 text", at: invalidUTF8Location()))
            return parsed
        }
        // Editors on Windows often start UTF-8 files with a byte-order mark; it is no part of the YAML, and
        // lines and columns are counted as an editor shows them, without it.
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }
        if data.contains(0), let nul = text.firstLocation(of: "\u{0}") {
            parsed.diagnostics.append(.error("the file contains a NUL byte; a model is text", at: location(nul)))
            return parsed
        }
        if let finding = PlainDataScan.firstProblem(in: text, nestingLimit: ModelLoader.maximumNesting) {
            parsed.diagnostics.append(.error(finding.message, at: location((finding.line, finding.column))))
            return parsed
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            parsed.diagnostics.append(yamlDiagnostic(error, text: text))
            return parsed
        } catch {
            parsed.diagnostics.append(.error("cannot read YAML: \(error)", at: start))
            return parsed
        }
        guard let root else {
            parsed.diagnostics.append(.error("the file is empty; expected a mapping with sources, actors or relations", at: start))
            return parsed
        }
        let reader = YAMLReader(file: file)
        var decoder = ModelDecoder(reader: reader)
        decoder.decodeDocument(root)
        parsed.sources = decoder.sources
        parsed.actors = decoder.actors
        parsed.relations = decoder.relations
        parsed.diagnostics = decoder.reader.diagnostics
        return parsed
    }

    private func location(_ position: (line: Int, column: Int)) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }

    private func invalidUTF8Location() -> SourceLocation {
        var line = 1, column = 1, index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + max(length, 1)
            if length == 0 || end > data.endIndex || String(validatingUTF8Data: data[index..<end]) == nil {
                break
            }
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private func yamlDiagnostic(_ error: YamlError, text: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text), " } ?? ""
            return .error("YAML syntax error: \(prefix)\(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            let first = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            guard let key = duplicates.first,
                  let repeated = DuplicateKeyLocator.repeatOf(key, at: first.line, column: first.column, in: text) else {
                return .error("duplicate key \(names) in a mapping", at: first)
            }
            return .error("duplicate key \(names) in a mapping (first at \(first))",
                          at: SourceLocation(file: file, line: repeated.line, column: repeated.column))
        case let .reader(problem, offset, _, _):
            return .error("cannot read the text: \(problem)", at: offset.map { byteLocation($0, in: text) } ?? SourceLocation(file: file, line: 1, column: 1))
        default:
            return .error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    private func byteLocation(_ offset: Int, in text: String) -> SourceLocation {
        let prefix = Array(text.utf8).prefix(max(0, offset))
        let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let column = prefix.count - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 - prefix.startIndex + 1 } ?? 0) + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// A scan of the text, before the YAML composer (which recurses and expands aliases) sees it, for what a model
/// never needs: anchors, aliases, tags, and nesting deep enough to exhaust the stack.
enum PlainDataScan {
    struct Finding {
        var line: Int
        var column: Int
        var message: String
    }

    /// Reads the UTF-8 bytes once: every character it looks for is ASCII, and the bytes of other characters
    /// are never one of them. Columns count characters (Unicode scalars), as the YAML parser's do.
    static func firstProblem(in text: String, nestingLimit: Int) -> Finding? {
        var text = text
        return text.withUTF8 { bytes in
            var flowDepth = 0
            var lineNumber = 1
            var line = LineState()
            for byte in bytes {
                if byte == UInt8(ascii: "\n") {
                    if line.indent > nestingLimit * 8 {
                        return Finding(line: lineNumber, column: 1, message: "lists and mappings nest deeper than \(nestingLimit) levels")
                    }
                    lineNumber += 1
                    line = LineState()
                    continue
                }
                guard !line.isComment else { continue }
                if byte & 0xC0 != 0x80 { line.column += 1 }
                if let problem = line.read(byte, flowDepth: &flowDepth, nestingLimit: nestingLimit) {
                    return Finding(line: lineNumber, column: line.column, message: problem)
                }
            }
            if line.indent > nestingLimit * 8 {
                return Finding(line: lineNumber, column: 1, message: "lists and mappings nest deeper than \(nestingLimit) levels")
            }
            return nil
        }
    }

    /// What the scan knows about the line it is in.
    private struct LineState {
        var column = 0
        var indent = 0
        var leading = true
        var isComment = false
        var quote: UInt8?
        var escaped = false
        var previous = UInt8(ascii: " ")
        /// The last byte outside quotes and indentation that is not a space.
        var lastSignificant: UInt8?

        /// Reads one byte of the line; a problem found there, in words.
        mutating func read(_ byte: UInt8, flowDepth: inout Int, nestingLimit: Int) -> String? {
            defer { previous = byte }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == open {
                    quote = nil
                    lastSignificant = byte
                }
                return nil
            }
            if leading {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") {
                    indent += 1
                    return nil
                }
                leading = false
            }
            // Only where a node begins (after indentation, `- `, `? `, `: `, `[`, `{` or `,`) can a quote open or an
            // anchor, alias or tag stand; elsewhere `'`, `&`, `*` and `!` are text, as in `O'Hara` or `AT&T`.
            let afterSeparator = switch previous {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"): true
            default: column == 1
            }
            let afterIndicator = switch lastSignificant {
            case nil, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","): true
            default: false
            }
            let atNodeStart = afterSeparator && afterIndicator
            defer { if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t") { lastSignificant = byte } }
            switch byte {
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || column == 1:
                isComment = true
            case UInt8(ascii: "\"") where atNodeStart, UInt8(ascii: "'") where atNodeStart:
                quote = byte
            case UInt8(ascii: "&") where atNodeStart, UInt8(ascii: "*") where atNodeStart, UInt8(ascii: "!") where atNodeStart:
                let what = byte == UInt8(ascii: "&") ? "an anchor" : byte == UInt8(ascii: "*") ? "an alias" : "a tag"
                return "\(what) is not allowed: a relation model is plain data without anchors, aliases or tags"
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                if flowDepth > nestingLimit {
                    return "lists and mappings nest deeper than \(nestingLimit) levels"
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
            default:
                break
            }
            return nil
        }
    }
}

extension String {
    init?(validatingUTF8Data data: some Collection<UInt8>) {
        self.init(validating: data, as: UTF8.self)
    }

    func firstLocation(of character: Character) -> (line: Int, column: Int)? {
        var line = 1, column = 1
        for current in self {
            if current == character { return (line, column) }
            if current == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }
}
