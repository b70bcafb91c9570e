import Foundation
import ReportSite

/// The templates built into relmap (see the EmbedTemplates plugin), for a binary that finds no `templates/`
/// folder: copied or installed elsewhere.
enum TemplateFiles {
    /// The embedded templates and assets, with the files of `overrides` (a folder) replacing them by name.
    static func embedded(overriddenBy overrides: String?) throws -> TemplateSet {
        var files = EmbeddedTemplates.files.compactMapValues { Data(base64Encoded: $0) }
        if let overrides {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: overrides) else {
                throw TemplateError.unreadableFolder(overrides)
            }
            for name in names where name.hasSuffix(".mustache") || name.hasSuffix(".css") || name.hasSuffix(".js") {
                guard let data = FileManager.default.contents(atPath: "\(overrides)/\(name)") else {
                    throw TemplateError.unreadableFile("\(overrides)/\(name)")
                }
                files[name] = data
            }
        }
        var templates: [String: String] = [:]
        var assets: [String: Data] = [:]
        for (name, data) in files {
            if name.hasSuffix(".mustache") {
                guard let text = String(data: data, encoding: .utf8) else { throw TemplateError.unreadableFile(name) }
                templates[String(name.dropLast(".mustache".count))] = text
            } else if name.hasSuffix(".css") || name.hasSuffix(".js") {
                assets[name] = data
            }
        }
        return try TemplateSet(templates: templates, assets: assets)
    }
}

extension TemplateError {
    /// Whether the error is a file or folder that cannot be read (exit 66) rather than a template's text (65).
    var isUnreadable: Bool {
        switch self {
        case .unreadableFolder, .unreadableFile: return true
        case .syntax, .missing: return false
        }
    }
}
