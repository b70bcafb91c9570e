import Foundation
import PackagePlugin

/// Embeds the package's `templates/` folder in the target that uses it, as `EmbeddedTemplates.swift`, so a
/// relmap binary copied or installed anywhere still has its default templates. The folder is read when the
/// target is built: an edited template is embedded by the next build, and nothing generated is committed.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) templates",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [folder.path, output.path],
                inputFiles: names.map { folder.appendingPathComponent($0) },
                outputFiles: [output]
            ),
        ]
    }
}
