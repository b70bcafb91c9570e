/// Country outlines as a topology: each stretch of border or coast is one arc, stored once and named by the
/// countries on either side, so both sides of a border are drawn from the same points and a map can find the
/// border between two given countries. `naturalEarth` holds the data compiled into relmap.
public struct Basemap: Sendable {
    /// An arc walked forwards or backwards as part of a ring.
    public struct ArcReference: Hashable, Sendable {
        public var arc: Int
        public var isReversed: Bool

        public init(arc: Int, isReversed: Bool) {
            self.arc = arc
            self.isReversed = isReversed
        }
    }

    /// One piece of a country: its outer ring, then its holes (each filled by another country, an enclave).
    public struct Polygon: Sendable {
        public var rings: [[ArcReference]]
    }

    public struct Country: Sendable {
        /// ISO 3166 alpha-3, or Natural Earth's own code for a place without one (KOS for Kosovo).
        public var iso3: String
        /// The English name.
        public var name: String
        /// Where Natural Earth suggests the name goes.
        public var labelPoint: GeoPoint
        public var polygons: [Polygon]
    }

    public let countries: [Country]
    public let arcs: [[GeoPoint]]
    /// The countries (indices into `countries`) whose outlines run along each arc: one for a coast, two for a
    /// border between two countries.
    public let arcCountries: [[Int]]
    private let indexByISO: [String: Int]

    public init(countries: [Country], arcs: [[GeoPoint]]) {
        self.countries = countries
        self.arcs = arcs
        var users = Array(repeating: [Int](), count: arcs.count)
        for (index, country) in countries.enumerated() {
            for polygon in country.polygons {
                for ring in polygon.rings {
                    for reference in ring where users[reference.arc].last != index { users[reference.arc].append(index) }
                }
            }
        }
        arcCountries = users
        var byISO: [String: Int] = [:]
        for (index, country) in countries.enumerated() where byISO[country.iso3] == nil { byISO[country.iso3] = index }
        indexByISO = byISO
    }

    /// The basemap compiled into relmap: Natural Earth's 1:10m admin-0 countries, decoded on first use and kept
    /// for the life of the process.
    public static let naturalEarth: Basemap = BasemapDecoder.decode(countries: BasemapData.countries, arcs: BasemapData.arcs,
                                                                    cellsPerDegree: BasemapData.gridCellsPerDegree)

    /// The credit every map carries.
    public static let credit = "Made with Natural Earth"

    /// The index of the country with this ISO 3166 alpha-3 code.
    public func countryIndex(iso3: String) -> Int? { indexByISO[iso3.uppercased()] }

    /// The index of the country with this English name, compared without regard to case.
    public func countryIndex(named name: String) -> Int? {
        let wanted = name.lowercased()
        return countries.firstIndex { $0.name.lowercased() == wanted }
    }

    /// The points of a ring, in order, its first point repeated at the end.
    public func points(of ring: [ArcReference]) -> [GeoPoint] {
        var points: [GeoPoint] = []
        for reference in ring {
            let arc = arcs[reference.arc]
            let walked = reference.isReversed ? Array(arc.reversed()) : arc
            points.append(contentsOf: points.isEmpty ? walked[...] : walked.dropFirst())
        }
        return points
    }

    /// The arcs two countries share: their common land border, empty when they do not touch.
    public func sharedArcs(_ first: Int, _ second: Int) -> [Int] {
        arcCountries.indices.filter { arcCountries[$0].contains(first) && arcCountries[$0].contains(second) }
    }
}

/// The generated data (BasemapData.swift, written by scripts/make-basemap.py).
enum BasemapData {}
