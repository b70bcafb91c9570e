import Foundation
import Mustache

/// The site's theme as data: Mustache templates plus the stylesheet and script, read from a folder of defaults
/// with any file overridable by name from a second folder.
public struct TemplateSet: Sendable {
    /// Template texts by name (file name without `.mustache`).
    public private(set) var templates: [String: String]
    /// Asset files (`style.css`, `site.js`, …) by file name.
    public private(set) var assets: [String: Data]
    private let library: MustacheLibrary

    /// Reads every `*.mustache`, `*.css` and `*.js` in `defaults`, then lets files of the same name in
    /// `overrides` replace them.
    public init(defaults: String, overrides: String? = nil) throws {
        var templates: [String: String] = [:]
        var assets: [String: Data] = [:]
        for directory in [defaults] + (overrides.map { [$0] } ?? []) {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            } catch {
                throw TemplateError.unreadableFolder(directory)
            }
            for name in names {
                let path = "\(directory)/\(name)"
                if name.hasSuffix(".mustache") {
                    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                        throw TemplateError.unreadableFile(path)
                    }
                    templates[String(name.dropLast(".mustache".count))] = text
                } else if name.hasSuffix(".css") || name.hasSuffix(".js") {
                    guard let data = FileManager.default.contents(atPath: path) else { throw TemplateError.unreadableFile(path) }
                    assets[name] = data
                }
            }
        }
        try self.init(templates: templates, assets: assets)
    }

    /// A template set from texts in memory.
    public init(templates: [String: String], assets: [String: Data] = [:]) throws {
        var library = MustacheLibrary()
        let pragma = HTMLEscaping.pragma
        for name in templates.keys.sorted() {
            do {
                try library.register(pragma + templates[name]!, named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = line == 1 ? error.context.columnNumber - pragma.count : error.context.columnNumber
                throw TemplateError.syntax(name: name, line: line, column: max(1, column), reason: "\(error.error)")
            }
        }
        self.templates = templates
        self.assets = assets
        self.library = library
    }

    /// Renders a template with a context (a struct or dictionary); values are HTML-escaped unless the template
    /// inserts them with triple braces.
    public func render(_ name: String, _ context: Any) throws -> String {
        guard let text = library.render(context, withTemplate: name) else { throw TemplateError.missing(name) }
        return text
    }

    /// HTML escaping exactly as Mustache's own (`&`, `<`, `>`, `"` and `'`), done on UTF-8 bytes. Every template
    /// starts with the pragma that selects it; Mustache's escaper walks grapheme clusters and looks each up in a
    /// dictionary, which took a quarter of the time of rendering the timeline of a 1,000-actor model.
    struct HTMLEscaping: MustacheContentType {
        static let pragma: String = {
            MustacheContentTypes.register(HTMLEscaping(), named: "RELMAP_HTML")
            return "{{% CONTENT_TYPE: RELMAP_HTML }}"
        }()

        func escapeText(_ text: String) -> String {
            guard text.utf8.contains(where: HTMLEscaping.isEscaped) else { return text }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 32)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
                case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
                case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
                case UInt8(ascii: "\""): bytes += Array("&quot;".utf8)
                case UInt8(ascii: "'"): bytes += Array("&#39;".utf8)
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        private static func isEscaped(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'")
        }
    }

    /// The folder of default templates: `RELMAP_TEMPLATES` when set, else the `templates/` folder found by
    /// walking up from the executable (a build inside a clone) or in the current directory.
    public static func defaultFolder(executable: String, currentDirectory: String,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let folder = environment["RELMAP_TEMPLATES"], !folder.isEmpty { return folder }
        var candidates: [String] = []
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("templates").path)
            candidates.append(directory.appendingPathComponent("share/relmap/templates").path)
            directory.deleteLastPathComponent()
        }
        candidates.append("\(currentDirectory)/templates")
        return candidates.first { FileManager.default.fileExists(atPath: "\($0)/layout.mustache") }
    }
}

/// Templates that cannot be read or parsed.
public enum TemplateError: Error, CustomStringConvertible, Equatable {
    case unreadableFolder(String)
    case unreadableFile(String)
    case syntax(name: String, line: Int, column: Int, reason: String)
    case missing(String)

    public var description: String {
        switch self {
        case .unreadableFolder(let path): return "\(path): cannot read the template folder"
        case .unreadableFile(let path): return "\(path): cannot read the template"
        case let .syntax(name, line, column, reason): return "\(name).mustache:\(line):\(column): template syntax error: \(reason)"
        case .missing(let name): return "no template named '\(name)'"
        }
    }
}
