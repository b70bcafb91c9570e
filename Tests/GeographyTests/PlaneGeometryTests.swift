import XCTest
@testable import Geography

final class PlaneGeometryTests: XCTestCase {
    func testSimplifyingKeepsTheEndsAndDropsWhatIsWithinTheTolerance() {
        let line: [PlanePoint] = (0...100).map { (index: Int) -> PlanePoint in
            let tent: Double = 3 - 0.06 * Double(abs(index - 50))
            return PlanePoint(x: Double(index), y: tent + 0.01 * Double(index % 2))
        }
        let simplified = PlaneGeometry.simplified(line, tolerance: 0.5)
        XCTAssertEqual(simplified, [line[0], line[50], line[100]])
    }

    func testSimplifyingNeverTakesAClosedRingBelowATriangle() {
        let tiny = [PlanePoint(x: 0, y: 0), PlanePoint(x: 0.01, y: 0), PlanePoint(x: 0.02, y: 0.01), PlanePoint(x: 0.01, y: 0.02),
                    PlanePoint(x: 0, y: 0.01), PlanePoint(x: 0, y: 0)]
        let simplified = PlaneGeometry.simplified(tiny, tolerance: 5)
        XCTAssertEqual(simplified.count, 4)
        XCTAssertEqual(simplified.first, simplified.last)
        XCTAssertNotEqual(PlaneGeometry.doubleSignedArea(Array(simplified.dropLast())), 0)
    }

    func testClippingAPolygonKeepsWhatIsInsideTheRectangle() {
        let square = [PlanePoint(x: -5, y: -5), PlanePoint(x: 5, y: -5), PlanePoint(x: 5, y: 5), PlanePoint(x: -5, y: 5)]
        let clipped = PlaneGeometry.clippedPolygon(square, to: PlaneRect(minX: 0, minY: 0, maxX: 10, maxY: 10))
        XCTAssertEqual(abs(PlaneGeometry.doubleSignedArea(clipped)) / 2, 25, accuracy: 1e-9)
        XCTAssertTrue(PlaneGeometry.clippedPolygon(square, to: PlaneRect(minX: 20, minY: 20, maxX: 30, maxY: 30)).isEmpty)
        XCTAssertEqual(PlaneGeometry.clippedPolygon(square, to: PlaneRect(minX: -10, minY: -10, maxX: 10, maxY: 10)), square)
    }

    func testClippingALineCutsItWhereItLeavesAndEntersTheRectangle() {
        let line = [PlanePoint(x: -5, y: 1), PlanePoint(x: 5, y: 1), PlanePoint(x: 15, y: 1), PlanePoint(x: 15, y: 5), PlanePoint(x: 5, y: 5)]
        let pieces = PlaneGeometry.clippedLine(line, to: PlaneRect(minX: 0, minY: 0, maxX: 10, maxY: 10))
        XCTAssertEqual(pieces, [[PlanePoint(x: 0, y: 1), PlanePoint(x: 5, y: 1), PlanePoint(x: 10, y: 1)],
                                [PlanePoint(x: 10, y: 5), PlanePoint(x: 5, y: 5)]])
    }

    func testSpansFollowTheEvenOddRule() {
        let square = [PlanePoint(x: 0, y: 0), PlanePoint(x: 4, y: 0), PlanePoint(x: 4, y: 4), PlanePoint(x: 0, y: 4)]
        XCTAssertEqual(PlaneGeometry.spans(of: square, atY: 2), [0...4])
        XCTAssertTrue(PlaneGeometry.spans(of: square, atY: 5).isEmpty)
    }
}
