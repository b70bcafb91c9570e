import XCTest
@testable import Geography

final class BasemapDataTests: XCTestCase {
    let basemap = Basemap.naturalEarth

    func testTheCompiledDataHoldsTheWorldsCountriesByISOCodeAndEnglishName() throws {
        XCTAssertGreaterThan(basemap.countries.count, 200)
        let kyrgyzstan = try XCTUnwrap(basemap.countryIndex(iso3: "KGZ"))
        XCTAssertEqual(basemap.countries[kyrgyzstan].name, "Kyrgyzstan")
        XCTAssertEqual(basemap.countryIndex(named: "uzbekistan"), basemap.countryIndex(iso3: "UZB"))
        XCTAssertNotNil(basemap.countryIndex(iso3: "USA"), "the far-off actors of the bundled model are in the data")
        XCTAssertNotNil(basemap.countryIndex(iso3: "JPN"))
        XCTAssertNotNil(basemap.countryIndex(iso3: "GBR"))
        XCTAssertNil(basemap.countryIndex(iso3: "ATA"), "Antarctica is left out")
        XCTAssertEqual(Set(basemap.countries.map(\.iso3)).count, basemap.countries.count, "one entry per code")
    }

    func testEveryRingIsClosedAndEveryArcIsNamedByTheCountriesUsingIt() {
        for country in basemap.countries {
            for polygon in country.polygons {
                for ring in polygon.rings {
                    let points = basemap.points(of: ring)
                    XCTAssertGreaterThanOrEqual(points.count, 4, "\(country.iso3) has a ring of fewer than three corners")
                    XCTAssertEqual(points.first, points.last, "\(country.iso3) has an open ring")
                }
            }
        }
        // One arc (along the Jordan) is named by three: Israel, Palestine and Jordan, whose outlines overlap there.
        XCTAssertTrue(basemap.arcCountries.allSatisfy { (1...3).contains($0.count) })
    }

    /// The Fergana valley's enclaves, with where Natural Earth puts them.
    static let enclaves: [(name: String, iso3: String, longitude: Double, latitude: Double)] = [
        ("Sokh", "UZB", 71.09, 40.00),
        ("Shakhimardan", "UZB", 71.73, 39.94),
        ("Vorukh", "TJK", 70.59, 39.83),
        ("Sarvak", "TJK", 70.60, 40.98),
    ]

    func testTheFerganaEnclavesAreSeparatePartsOfTheirCountriesAndHolesInTheirNeighbours() throws {
        for enclave in Self.enclaves {
            let index = try XCTUnwrap(basemap.countryIndex(iso3: enclave.iso3))
            let parts = basemap.countries[index].polygons.filter { polygon in
                let outer = basemap.points(of: polygon.rings[0])
                return outer.contains { abs($0.longitude - enclave.longitude) < 0.3 && abs($0.latitude - enclave.latitude) < 0.3 }
                    && outer.allSatisfy { abs($0.longitude - enclave.longitude) < 0.5 && abs($0.latitude - enclave.latitude) < 0.5 }
            }
            XCTAssertEqual(parts.count, 1, "\(enclave.name) is one part of \(enclave.iso3)")
            guard let part = parts.first else { continue }
            let neighbours = Set(part.rings[0].flatMap { basemap.arcCountries[$0.arc] }).subtracting([index])
            XCTAssertEqual(neighbours.count, 1, "\(enclave.name) is surrounded by one country")
        }
        XCTAssertEqual(basemap.countries[basemap.countryIndex(iso3: "UZB")!].polygons.count, 3, "Uzbekistan: the mainland, Sokh, Shakhimardan")
        XCTAssertEqual(basemap.countries[basemap.countryIndex(iso3: "TJK")!].polygons.count, 3, "Tajikistan: the mainland, Vorukh, Sarvak")
        let kyrgyzstan = basemap.countries[basemap.countryIndex(iso3: "KGZ")!]
        XCTAssertEqual(kyrgyzstan.polygons.map { $0.rings.count - 1 }.reduce(0, +), 3, "Kyrgyzstan has a hole for each enclave in it")
    }

    func testNeighboursShareTheirBorderAndOthersShareNothing() throws {
        let kgz = try XCTUnwrap(basemap.countryIndex(iso3: "KGZ"))
        let uzb = try XCTUnwrap(basemap.countryIndex(iso3: "UZB"))
        let rus = try XCTUnwrap(basemap.countryIndex(iso3: "RUS"))
        XCTAssertFalse(basemap.sharedArcs(kgz, uzb).isEmpty)
        XCTAssertTrue(basemap.sharedArcs(kgz, rus).isEmpty)
    }
}

extension BasemapDataTests {
    func testEnclavesArePaintedAfterTheCountryAroundThem() throws {
        let order = basemap.drawingOrder
        let position = { (iso3: String) in order.firstIndex(of: self.basemap.countryIndex(iso3: iso3)!)! }
        XCTAssertLessThan(position("KGZ"), position("UZB"), "Sokh and Shakhimardan lie in Kyrgyzstan")
        XCTAssertLessThan(position("KGZ"), position("TJK"), "Vorukh lies in Kyrgyzstan")
        XCTAssertLessThan(position("UZB"), position("TJK"), "Sarvak lies in Uzbekistan")
        XCTAssertLessThan(position("ZAF"), position("LSO"))
        XCTAssertEqual(Set(order), Set(basemap.countries.indices))
    }
}
