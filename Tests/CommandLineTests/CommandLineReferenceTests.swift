import Foundation
import XCTest

/// Pins that the command-line reference in docs/cli.md is the one `relmap --help` prints today.
final class CommandLineReferenceTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTheReferenceInTheDocsMatchesTheHelpText() throws {
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/bin/bash")
        script.arguments = [Self.packageRoot.appendingPathComponent("scripts/cli-reference.sh").path, Relmap.binary.path]
        let pipe = Pipe()
        script.standardOutput = pipe
        try script.run()
        let generated = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        XCTAssertEqual(script.terminationStatus, 0)
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "<!-- cli-reference:start -->\n"))
        let end = try XCTUnwrap(readme.range(of: "\n<!-- cli-reference:end -->"))
        let documented = String(readme[start.upperBound..<end.lowerBound])
        XCTAssertEqual(documented, generated.trimmingCharacters(in: .newlines),
                       "docs/cli.md is stale: run scripts/cli-reference.sh RELMAP --update")
    }
}
