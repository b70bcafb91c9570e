@testable import GraphvizRendering
import DOT
import Foundation
import TestProcesses
import XCTest

/// Pins that the same DOT gives the same bytes however many graphs were rendered before it, and wherever.
final class DeterminismTests: XCTestCase {
    func testTheSameGraphRenderedTenTimesInOneProcessGivesOneDistinctSVG() throws {
        let dot = TestSupport.generatedGraph(7)
        var outputs = Set<Data>()
        for _ in 0..<10 {
            outputs.insert(try InProcessRenderer.render(TestSupport.job("g", dot)).outputs[.svg]!)
        }
        XCTAssertEqual(outputs.count, 1)
    }

    func testEveryEngineDrawsFromPositionsOnTheLayoutGrid() throws {
        for engine in ["dot", "neato", "sfdp", "twopi", "circo"] {
            let positions = try GraphvizSession.nodePositions(dot: TestSupport.generatedGraph(3), engine: engine)
            XCTAssertFalse(positions.isEmpty, engine)
            for (name, point) in positions {
                for value in [point.x, point.y] {
                    XCTAssertEqual(value * LayoutGrid.cellsPerPoint, (value * LayoutGrid.cellsPerPoint).rounded(), "\(engine) \(name)")
                }
            }
        }
    }

    func testTwentyGraphsRenderedForwardAndInReverseGiveIdenticalBytes() throws {
        let jobs = (0..<20).map { TestSupport.job("g\($0)", TestSupport.generatedGraph($0)) }
        let forward = try jobs.map { try InProcessRenderer.render($0).outputs[.svg]! }
        let reverse = try jobs.reversed().map { try InProcessRenderer.render($0).outputs[.svg]! }
        XCTAssertEqual(forward, Array(reverse.reversed()))
    }

    func testEveryReproducibleEngineGivesTheSameBytesForwardAndInReverse() throws {
        for engine in LayoutEngine.allCases where engine.isReproducible && !engine.needsPositions {
            let jobs = (0..<8).map { TestSupport.job("g\($0)", TestSupport.generatedGraph($0), engine: engine, formats: [.svg, .png]) }
            let forward = try jobs.map { try InProcessRenderer.render($0).outputs }
            let reverse = try jobs.reversed().map { try InProcessRenderer.render($0).outputs }
            XCTAssertEqual(forward, Array(reverse.reversed()), engine.rawValue)
        }
    }

    func testAnInProcessSVGEqualsTheGraphvizCommandsAfterOtherRenders() throws {
        let command = "/usr/bin/dot"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: command), "the graphviz package is not installed")
        let directory = NSTemporaryDirectory() + "relmap-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for engine in [LayoutEngine.dot, .sfdp, .neato] {
            _ = try InProcessRenderer.render(TestSupport.job("before", TestSupport.generatedGraph(9), engine: engine))
            let dot = TestSupport.generatedGraph(5)
            try dot.write(toFile: directory + "/g.dot", atomically: false, encoding: .utf8)
            _ = try Subprocess(command, ["-K\(engine.rawValue)", "-Tsvg", "-o", directory + "/g.svg", directory + "/g.dot"]).run()
            let expected = OutputNormalizer.removingVersionComment(try String(contentsOfFile: directory + "/g.svg", encoding: .utf8))
            XCTAssertEqual(TestSupport.svg(try InProcessRenderer.render(TestSupport.job("g", dot, engine: engine))), expected, engine.rawValue)
        }
    }

    func testThePoolGivesTheSameBytesAsRenderingInProcessInAnotherOrder() throws {
        let jobs = (0..<12).map { TestSupport.job("g\($0)", TestSupport.generatedGraph($0)) }
        let renderer = Renderer(settings: TestSupport.settings(workers: 2))
        defer { renderer.shutdown() }
        let pooled = try renderer.render(jobs).map { try $0.get().outputs[.svg]! }
        let inProcess = try jobs.reversed().map { try InProcessRenderer.render($0).outputs[.svg]! }
        XCTAssertEqual(pooled, Array(inProcess.reversed()))
    }

    func testTextAfterTheFirstGraphDoesNotLeakIntoTheNextParse() throws {
        _ = try InProcessRenderer.render(TestSupport.job("two", "digraph { a }\ndigraph { leftover }\n"))
        let next = try InProcessRenderer.render(TestSupport.job("next", "digraph { c }"))
        XCTAssertFalse(TestSupport.svg(next).contains("leftover"))
        XCTAssertTrue(TestSupport.svg(next).contains("<title>c</title>"))
    }

    func testNodesWhoseNamesAreCanonicallyEquivalentStayDistinct() throws {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        let diagram = try InProcessRenderer.render(TestSupport.job("u", "digraph { \"\(composed)\" -> \"\(decomposed)\" }"))
        XCTAssertEqual(TestSupport.svg(diagram).components(separatedBy: "class=\"node\"").count - 1, 2)
    }
}
