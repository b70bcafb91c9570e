import ArgumentParser
import Foundation
import RelationModel

/// Where the model comes from, shared by every subcommand that reads one.
struct ModelOptions: ParsableArguments {
    @Argument(help: "A model: a YAML file or a directory of YAML files.", completion: .file(extensions: ["yaml", "yml"]))
    var model: String = "model"

    /// Loads and validates the model, printing diagnostics to stderr; exits 65 on errors, 66 when unreadable.
    func load(printWarnings: Bool = true, processors: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> RelationModel {
        try Self.load(path: model, printWarnings: printWarnings, processors: processors)
    }

    /// Loads and validates the model at `path`, as `load(printWarnings:)` does.
    static func load(path model: String, printWarnings: Bool = true,
                     processors: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> RelationModel {
        let loaded: LoadedModel
        do {
            loaded = try ModelLoader.load(path: model, processors: processors)
        } catch let error as ModelInputError {
            Terminal.error(error.description)
            throw SysExit.noInput
        }
        let report = DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model))
        for diagnostic in report.diagnostics where diagnostic.severity == .error || printWarnings {
            Terminal.diagnostic(diagnostic)
        }
        if report.hasErrors {
            throw SysExit.dataError
        }
        return loaded.model
    }
}
