@testable import GraphvizRendering
import Foundation
import XCTest

/// Graphviz's multi-edge router overruns an array by one int (see `Fixtures/README.md`), which aborted a fresh
/// worker on about every other run of one focus diagram: a worker pads its allocations, so the layout is drawn
/// every time, with the same bytes.
final class RouterOverflowTests: XCTestCase {
    func testAFocusDiagramThatOverrunsGraphvizsRouterIsDrawnInEveryFreshWorker() throws {
        let dot = try String(contentsOfFile: TestSupport.fixture("router-overflow-twopi.dot"), encoding: .utf8)
        let job = RenderJob(id: "focus-ortaland-2", dot: dot, engine: .twopi, formats: [.svg])
        var drawings: Set<Data> = []
        // Without the padding, eight fresh workers in a row survived this layout in fewer than one run in a thousand.
        for _ in 0..<8 {
            let worker = try WorkerProcess(command: TestSupport.settings().workerCommand, environment: [:])
            defer { worker.stop() }
            guard case .replied(let reply) = worker.run(job, timeout: 60) else {
                return XCTFail("the worker crashed laying out the diagram")
            }
            drawings.insert(try XCTUnwrap(reply.outputs["svg"]))
        }
        XCTAssertEqual(drawings.count, 1)
    }
}
