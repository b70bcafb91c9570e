import ArgumentParser
import ModelExport

extension ExportFormat: ExpressibleByArgument {}

/// `relmap export`: the whole model as JSON, CSV or GraphML, on stdout or into a file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the model as JSON (for scripts), CSV (one row per relation) or GraphML (for Gephi, yEd, Cytoscape).",
        discussion: "docs/exports.md documents the JSON keys and the CSV columns."
    )

    @OptionGroup var options: ModelOptions

    @Option(help: "The format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExportFormat

    @Option(help: "Write to this file (replaced atomically) instead of stdout.")
    var out: String?

    func run() throws {
        if out != nil { try Interruption.install(command: "export") }
        let model = try options.load(printWarnings: false)
        let text: String
        do {
            text = try format.render(model)
        } catch {
            Terminal.error("\(options.model): error: cannot export: \(error)")
            throw SysExit.dataError
        }
        guard let out else {
            return try StandardOutput.write(text)
        }
        do {
            try OutputFile.writeAtomically(text, to: out)
        } catch let error as OutputFile.WriteError {
            Terminal.error(error.description)
            throw SysExit.ioError
        }
    }
}
