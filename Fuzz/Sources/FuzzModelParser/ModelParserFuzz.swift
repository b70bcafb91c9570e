import Foundation
import ModelExport
import RelationModel

/// The fuzz harness, also exported under libFuzzer's entry-point name: any bytes as a model file must load, validate and export without crashing, and every
/// diagnostic must be one located line.
@_cdecl("LLVMFuzzerTestOneInput")
public func modelParserFuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let loaded = ModelLoader.load([(name: "fuzz.yaml", data: data)])
    let diagnostics = loaded.diagnostics + Validator.validate(loaded.model)
    for diagnostic in diagnostics {
        let line = diagnostic.description
        guard line.hasPrefix("fuzz.yaml:"), !line.contains("\n"), diagnostic.location.line >= 1, diagnostic.location.column >= 1 else {
            fatalError("diagnostic is not one located line: \(line)")
        }
    }
    if !DiagnosticReport(diagnostics).hasErrors {
        for format in ExportFormat.allCases {
            _ = try? format.render(loaded.model)
        }
    }
    return 0
}
