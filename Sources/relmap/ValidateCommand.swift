import ArgumentParser
import RelationModel

/// `relmap validate`: reports every problem in a model, with its file, line and column.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a model and report every problem as file:line:column."
    )

    @OptionGroup var options: ModelOptions

    @Option(help: "A folder with the corpus documents; checks each evidence pointer against the text.")
    var corpus: String?

    @Flag(help: "Also list the relations on which sources disagree.")
    var conflicts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let loaded: LoadedModel
        do {
            loaded = try ModelLoader.load(path: options.model)
        } catch let error as ModelInputError {
            Terminal.error(error.description)
            throw SysExit.noInput
        }
        var diagnostics = loaded.diagnostics + Validator.validate(loaded.model)
        if let corpus {
            var reader = Corpus(directory: corpus)
            diagnostics += reader.check(loaded.model)
        }
        let report = DiagnosticReport(diagnostics)
        report.diagnostics.forEach(Terminal.diagnostic)
        let model = loaded.model
        if conflicts {
            let lines = model.relations.filter(\.isDisputedBetweenSources).map { relation in
                "\(relation.id): \(relation.claims.map { "\($0.field)=\($0.value) [\($0.evidence.map(\.source).joined(separator: ", "))]" }.joined(separator: "; "))\n"
            }
            try StandardOutput.write(lines.joined())
        }
        Terminal.write("\(options.model): \(model.sources.count.counted("source")), \(model.actors.count.counted("actor")), \(model.relations.count.counted("relation")); \(report.errors.count.counted("error")), \(report.warnings.count.counted("warning"))")
        if report.hasErrors || (strict && !report.warnings.isEmpty) {
            throw SysExit.dataError
        }
    }
}

extension Int {
    /// "1 error", "2 errors".
    func counted(_ noun: String) -> String { "\(self) \(noun)\(self == 1 ? "" : "s")" }
}
