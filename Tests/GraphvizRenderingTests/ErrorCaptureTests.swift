@testable import GraphvizRendering
import Foundation
import XCTest

/// Pins that Graphviz's errors and warnings come back as values naming the diagram, never on stderr.
final class ErrorCaptureTests: XCTestCase {
    private let badSyntax = "digraph {\n  a -> b\n  c -> ;\n}\n"

    func testASyntaxErrorFailsWithTheDiagramIdAndTheLine() {
        XCTAssertThrowsError(try InProcessRenderer.render(TestSupport.job("views/bad", badSyntax))) { error in
            let failure = error as! RenderFailure
            XCTAssertEqual(failure.id, "views/bad")
            XCTAssertEqual(failure.message, "syntax error in line 3 near ';'")
            XCTAssertEqual(failure.description, "views/bad: syntax error in line 3 near ';'")
        }
    }

    func testTheSyntaxErrorLineIsRightAfterEarlierGraphs() throws {
        _ = try InProcessRenderer.render(TestSupport.job("good", "digraph {\n a -> b\n}\n\n"))
        XCTAssertThrowsError(try InProcessRenderer.render(TestSupport.job("bad", badSyntax))) { error in
            XCTAssertTrue((error as! RenderFailure).message.contains("line 3"), "\(error)")
        }
    }

    func testEmptyInputFailsWithAMessage() {
        XCTAssertThrowsError(try InProcessRenderer.render(TestSupport.job("empty", ""))) { error in
            XCTAssertEqual((error as! RenderFailure).message, "the DOT source contains no graph")
        }
    }

    func testAnUnknownEngineFailsWithGraphvizsMessage() {
        XCTAssertThrowsError(try GraphvizSession.render(dot: "digraph { a }", engine: "nosuchengine", formats: ["svg"])) { error in
            let failure = error as! GraphvizSession.Failure
            XCTAssertEqual(failure.stage, .layout)
            XCTAssertTrue(failure.message.hasPrefix("Layout type: \"nosuchengine\" not recognized"), failure.message)
        }
    }

    func testAnUnknownFormatFailsWithGraphvizsMessage() {
        XCTAssertThrowsError(try GraphvizSession.render(dot: "digraph { a }", engine: "dot", formats: ["nosuchformat"])) { error in
            XCTAssertEqual((error as! GraphvizSession.Failure).message, "renderer for nosuchformat is unavailable")
        }
    }

    func testWarningsComeBackWithTheDiagramEveryTime() throws {
        let job = TestSupport.job("w", "digraph { a [color=\"#eef\"] }", formats: [.svg, .pdf])
        for _ in 0..<2 {
            XCTAssertEqual(try InProcessRenderer.render(job).warnings, ["#eef is not a known color."])
        }
    }

    /// dot loses an edge on this graph (found by random search; `dot` exits 1 with the same message).
    private let lostEdge = """
        digraph G {
        subgraph cluster_0 { n1; n0; n2; n3 }
        { rank=same; n3; n1 }
        { rank=same; n3; n5 }
        n0 -> n2; n5 -> n0; n0 -> n5 [label="e2"]; n3 -> n2; n4 -> n5; n5 -> n0 [label="e5"];
        n2 -> n1 [label="e6"]; n4 -> n2; n5 -> n1; n5 -> n4; n2 -> n4; n5 -> n0; n2 -> n5; n5 -> n2 [label="e13"];
        }
        """

    func testALayoutErrorFailsWithGraphvizsMessage() {
        XCTAssertThrowsError(try InProcessRenderer.render(TestSupport.job("lost", lostEdge))) { error in
            XCTAssertEqual((error as! RenderFailure).message, "lost n5 n0 edge")
        }
    }

    func testALayoutErrorFallsBackToTheFallbackEngine() throws {
        let diagram = try InProcessRenderer.render(TestSupport.job("lost", lostEdge, fallback: .sfdp))
        XCTAssertTrue(diagram.usedFallback)
        XCTAssertEqual(diagram.engineUsed, .sfdp)
        XCTAssertEqual(diagram.warnings.first, "layout with dot failed (lost n5 n0 edge); used sfdp instead")
        XCTAssertTrue(TestSupport.svg(diagram).contains("</svg>"))
    }

    func testASyntaxErrorIsNotRetriedWithTheFallbackEngine() {
        XCTAssertThrowsError(try InProcessRenderer.render(TestSupport.job("bad", badSyntax, fallback: .sfdp))) { error in
            XCTAssertEqual((error as! RenderFailure).message, "syntax error in line 3 near ';'")
        }
    }

    func testAPoolReportsASyntaxErrorAsAFailureAndRendersTheRest() {
        let renderer = Renderer(settings: TestSupport.settings(workers: 1))
        defer { renderer.shutdown() }
        let results = renderer.render([TestSupport.job("bad", badSyntax), TestSupport.job("good", "digraph { a }")])
        XCTAssertEqual(results[0].failureMessage, "syntax error in line 3 near ';'")
        XCTAssertNotNil(try? results[1].get())
    }
}

extension Result where Failure == RenderFailure {
    var failureMessage: String? {
        if case .failure(let failure) = self { return failure.message }
        return nil
    }
}
