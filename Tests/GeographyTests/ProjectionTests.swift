import XCTest
@testable import Geography

final class ProjectionTests: XCTestCase {
    func testEveryPointComesBackFromThePlaneWhereItWas() throws {
        for centre in [GeoPoint(longitude: 70, latitude: 42), GeoPoint(longitude: -77, latitude: 38.9), GeoPoint(longitude: 179, latitude: -10),
                       GeoPoint(longitude: 0, latitude: 90)] {
            let projection = AzimuthalProjection(centre: centre)
            for latitude in stride(from: -85.0, through: 85, by: 17) {
                for longitude in stride(from: -175.0, through: 175, by: 23) {
                    let point = GeoPoint(longitude: longitude, latitude: latitude)
                    guard projection.angularDistance(to: point) < 175 else { continue }
                    let plane = try XCTUnwrap(projection.project(point))
                    let back = try XCTUnwrap(projection.inverse(plane))
                    XCTAssertEqual(back.latitude, latitude, accuracy: 1e-7)
                    XCTAssertEqual(AzimuthalProjection.angularDistance(from: back, to: point), 0, accuracy: 1e-7)
                }
            }
        }
    }

    func testDirectionsFromTheCentreAreCompassBearingsAndAreasAreTrue() throws {
        let bishkek = GeoPoint(longitude: 74.59, latitude: 42.87)
        let projection = AzimuthalProjection(centre: bishkek)
        let moscow = GeoPoint(longitude: 37.62, latitude: 55.76)
        let plane = try XCTUnwrap(projection.project(moscow))
        let planeBearing = (atan2(plane.x, plane.y) * 180 / .pi + 360).truncatingRemainder(dividingBy: 360)
        XCTAssertEqual(planeBearing, AzimuthalProjection.bearing(from: bishkek, to: moscow), accuracy: 1e-6)
        // A small square of a degree's side has the same area on the plane wherever it lies.
        func area(_ longitude: Double, _ latitude: Double) throws -> Double {
            let corners = try [(0.0, 0.0), (0.01, 0), (0.01, 0.01), (0, 0.01)].map {
                try XCTUnwrap(projection.project(GeoPoint(longitude: longitude + $0.0, latitude: latitude + $0.1)))
            }
            return abs(PlaneGeometry.doubleSignedArea(corners)) / cos((latitude + 0.005) * .pi / 180)
        }
        XCTAssertEqual(try area(74, 42), try area(30, 60), accuracy: try area(74, 42) * 1e-3)
    }

    func testTheAntipodeHasNoImage() {
        let projection = AzimuthalProjection(centre: GeoPoint(longitude: 70, latitude: 40))
        XCTAssertNil(projection.project(GeoPoint(longitude: -110, latitude: -40)))
        XCTAssertNil(projection.inverse(PlanePoint(x: 2.1, y: 0)))
    }
}
