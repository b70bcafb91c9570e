import ArgumentParser
import ModelExport

/// `relmap schema model|export`: prints a JSON Schema of the YAML model or of the JSON export.
struct SchemaCommand: ParsableCommand {
    enum Subject: String, CaseIterable, ExpressibleByArgument {
        case model, export
    }

    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a model file (for editors) or of the JSON export.",
        discussion: """
        model: put '# yaml-language-server: $schema=PATH' at the top of a model file, PATH being where the \
        schema is saved (docs/schemas/model.schema.json in relmap's repository), and VS Code with the YAML \
        extension, or any editor using yaml-language-server, validates and completes the file as it is written. \
        export: the JSON that 'relmap export --format json' writes. docs/exports.md tells more.
        """
    )

    @Argument(help: "Which schema: model or export.")
    var subject: Subject

    func run() throws {
        switch subject {
        case .model: print(ModelSchema.text, terminator: "")
        case .export: print(ExportSchema.text, terminator: "")
        }
    }
}
