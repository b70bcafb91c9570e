import Foundation
import TestProcesses
import XCTest

/// Pins that the command-line reference in docs/cli.md is the one `relmap --help` prints today.
final class CommandLineReferenceTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTheReferenceInTheDocsMatchesTheHelpText() throws {
        var script = Subprocess("/bin/bash", [Self.packageRoot.appendingPathComponent("scripts/cli-reference.sh").path, Subprocess.relmap])
        let result = try script.run()
        let generated = result.stdoutText
        XCTAssertEqual(result.status, 0, result.stderrText)
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "<!-- cli-reference:start -->\n"))
        let end = try XCTUnwrap(readme.range(of: "\n<!-- cli-reference:end -->"))
        let documented = String(readme[start.upperBound..<end.lowerBound])
        XCTAssertEqual(documented, generated.trimmingCharacters(in: .newlines),
                       "docs/cli.md is stale: run scripts/cli-reference.sh RELMAP --update")
    }
}
