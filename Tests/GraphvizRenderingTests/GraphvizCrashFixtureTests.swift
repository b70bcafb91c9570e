import Foundation
import TestProcesses
import XCTest

/// Pins that the crash fixtures still crash Graphviz when a layout is freed, so the tests that render them
/// through the worker pool show that the pool survives a real crash class, not a harmless graph.
final class GraphvizCrashFixtureTests: XCTestCase {
    func testEachFixtureAbortsTheDotCommandWhenItFreesTheFirstLayout() throws {
        let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile(atPath:))
        let command = try XCTUnwrap(dot, "Graphviz's dot command is not installed (make deps installs it)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in TestSupport.freeLayoutCrashFixtures {
            let copy = folder.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: TestSupport.fixture(name), toPath: copy)
            // `dot -O a b` frees the first file's layout before laying out the second.
            var graphviz = Subprocess(command, ["-Tsvg", "-O", copy, copy])
            graphviz.stdout = .discarded
            graphviz.stderr = .discarded
            XCTAssertTrue(try graphviz.run().crashed, "\(name) no longer crashes gvFreeLayout")
        }
    }
}
