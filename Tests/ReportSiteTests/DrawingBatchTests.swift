import XCTest
@testable import ReportSite

/// Pins how diagrams are cut into batches: at most 32 each, and a batch closes once its DOT reaches 16 MiB.
final class DrawingBatchTests: XCTestCase {
    func diagram(_ id: String, bytes: Int) -> PlannedDiagram {
        PlannedDiagram(id: id, title: id, caption: "", dot: String(repeating: "x", count: bytes))
    }

    func testSmallDiagramsGoThirtyTwoToABatchInOrder() {
        let diagrams = (0..<70).map { diagram("d\($0)", bytes: 10) }
        let batches = DiagramDrawing.batches(diagrams)
        XCTAssertEqual(batches.map(\.count), [32, 32, 6])
        XCTAssertEqual(batches.flatMap { $0.map(\.id) }, diagrams.map(\.id))
    }

    func testABatchClosesOnceItsDOTReachesSixteenMebibytes() {
        let large = (0..<5).map { diagram("l\($0)", bytes: 6 << 20) }
        XCTAssertEqual(DiagramDrawing.batches(large).map(\.count), [3, 2])
    }
}
