/// Reads the compact text of `BasemapData`: a line per country and a line per arc (see scripts/make-basemap.py).
enum BasemapDecoder {
    static func decode(countries: String, arcs: String, cellsPerDegree: Double) -> Basemap {
        let decodedArcs = arcs.utf8.split(separator: UInt8(ascii: "\n")).map { decodeArc($0, cellsPerDegree: cellsPerDegree) }
        let decodedCountries = countries.split(separator: "\n").compactMap(decodeCountry)
        return Basemap(countries: decodedCountries, arcs: decodedArcs)
    }

    /// `ISO3;name;colour;lon,lat;polygons`: polygons split by `|`, rings by `/`, arc references by spaces.
    static func decodeCountry(_ line: Substring) -> Basemap.Country? {
        let fields = line.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 5, let colour = Int(fields[2]) else { return nil }
        let label = fields[3].split(separator: ",").compactMap { Double($0) }
        guard label.count == 2 else { return nil }
        let polygons = fields[4].split(separator: "|").map { polygon in
            Basemap.Polygon(rings: polygon.split(separator: "/").map { ring in
                ring.split(separator: " ").compactMap { Int($0) }.map { value in
                    value >= 0 ? Basemap.ArcReference(arc: value, isReversed: false)
                        : Basemap.ArcReference(arc: ~value, isReversed: true)
                }
            })
        }
        return Basemap.Country(iso3: String(fields[0]), name: String(fields[1]), mapColor: colour,
                               labelPoint: GeoPoint(longitude: label[0], latitude: label[1]), polygons: polygons)
    }

    /// Google's polyline encoding: signed numbers in 5-bit groups (offset by 63), each point the difference from
    /// the one before, longitude first, in grid cells.
    static func decodeArc(_ bytes: Substring.UTF8View.SubSequence, cellsPerDegree: Double) -> [GeoPoint] {
        var points: [GeoPoint] = []
        var numbers: (Int, Int) = (0, 0)
        var which = 0
        var value = 0, shift = 0
        for byte in bytes {
            let chunk = Int(byte) - 63
            value |= (chunk & 0x1F) << shift
            shift += 5
            guard chunk < 0x20 else { continue }
            let delta = value & 1 == 1 ? ~(value >> 1) : value >> 1
            value = 0
            shift = 0
            if which == 0 {
                numbers.0 += delta
                which = 1
            } else {
                numbers.1 += delta
                which = 0
                points.append(GeoPoint(longitude: Double(numbers.0) / cellsPerDegree, latitude: Double(numbers.1) / cellsPerDegree))
            }
        }
        return points
    }
}
