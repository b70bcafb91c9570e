import ArgumentParser
import Foundation
import RelationModel

/// Where the model comes from, shared by every subcommand that reads one.
struct ModelOptions: ParsableArguments {
    @Argument(help: "A model: a YAML file or a directory of YAML files.")
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

/// Writes messages to stderr, coloured only on a terminal and when `NO_COLOR` is unset.
enum Terminal {
    static let usesColor: Bool = {
        ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true && isatty(STDERR_FILENO) != 0
    }()

    static func error(_ line: String) {
        write(line)
    }

    static func diagnostic(_ diagnostic: Diagnostic) {
        guard usesColor else { return write(diagnostic.description) }
        let color = diagnostic.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
        write("\(diagnostic.location): \(color)\(diagnostic.severity.rawValue)\u{1B}[0m: \(diagnostic.message)")
    }

    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
