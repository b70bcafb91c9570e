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
        /// A colour number from 1 to 7 that no neighbour shares, for telling countries apart.
        public var mapColor: Int
        /// Where Natural Earth suggests the name goes.
        public var labelPoint: GeoPoint
        public var polygons: [Polygon]
    }

    public let countries: [Country]
    public let arcs: [[GeoPoint]]
    /// The countries (indices into `countries`) whose outlines run along each arc: one for a coast, two for a
    /// border between two countries.
    public let arcCountries: [[Int]]
    /// A circle around each arc: its first point and the farthest any of its points lies from it, in degrees of
    /// arc, so a map can pass over the arcs far from its window without projecting them.
    public let arcCaps: [(centre: GeoPoint, radius: Double)]
    /// Every country's index in the order to paint them: a country that fills a hole in another (an enclave) comes
    /// after it, so painting each outer ring in this order shows every enclave without cutting holes.
    public let drawingOrder: [Int]
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
        arcCaps = arcs.map { arc in
            guard let first = arc.first else { return (GeoPoint(longitude: 0, latitude: 0), 0) }
            return (first, arc.reduce(0) { max($0, AzimuthalProjection.angularDistance(from: first, to: $1)) })
        }
        drawingOrder = Self.paintingOrder(countries)
        var byISO: [String: Int] = [:]
        for (index, country) in countries.enumerated() where byISO[country.iso3] == nil { byISO[country.iso3] = index }
        indexByISO = byISO
    }

    /// Countries ordered by how deep they sit in holes of others (depth 0: in no hole), then as given.
    static func paintingOrder(_ countries: [Country]) -> [Int] {
        var outerRings: [[Int]: Int] = [:]
        for (index, country) in countries.enumerated() {
            for polygon in country.polygons { outerRings[polygon.rings[0].map(\.arc).sorted()] = index }
        }
        var fillers: [(holder: Int, filler: Int)] = []
        for (index, country) in countries.enumerated() {
            for polygon in country.polygons {
                for hole in polygon.rings.dropFirst() {
                    if let filler = outerRings[hole.map(\.arc).sorted()], filler != index { fillers.append((index, filler)) }
                }
            }
        }
        var depth = [Int](repeating: 0, count: countries.count)
        // A chain of enclaves is short; the bound only guards against a cycle in bad data.
        for _ in 0..<8 {
            var changed = false
            for (holder, filler) in fillers where depth[filler] <= depth[holder] {
                depth[filler] = depth[holder] + 1
                changed = true
            }
            if !changed { break }
        }
        return countries.indices.sorted { (depth[$0], $0) < (depth[$1], $1) }
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
