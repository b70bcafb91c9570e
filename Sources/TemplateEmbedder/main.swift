import Foundation
import SystemIO

// Writes a Swift file holding every file of a folder, by name, base64-encoded (so no byte needs escaping):
// `TemplateEmbedder FOLDER OUTPUT.swift`. Run by the EmbedTemplates build plugin.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: TemplateEmbedder FOLDER OUTPUT.swift\n".utf8))
    exit(64)
}
let folder = arguments[1]
var source = """
    // Generated from templates/ when relmap is built; not committed.

    /// The default templates and assets, by file name, base64-encoded.
    enum EmbeddedTemplates {
        static let files: [String: String] = [

    """
do {
    for name in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ !$0.hasPrefix(".") }).sorted() {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
        source += "        \"\(name)\": \"\(data.base64EncodedString())\",\n"
    }
    source += "    ]\n}\n"
    try AtomicFile.replace(arguments[2], with: Array(source.utf8))
} catch {
    FileHandle.standardError.write(Data("TemplateEmbedder: \(error)\n".utf8))
    exit(74)
}
