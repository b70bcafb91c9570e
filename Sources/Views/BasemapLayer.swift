import Geography
import Synchronization

/// The basemap as one frame shows it: each country's outline on the page, simplified to what the page can show
/// (`tolerance` points) and clipped to the frame, in the order that paints enclaves over the country around them,
/// islands smaller than a point left out (never a part bordered by land); where each country's name goes. Shared arcs are simplified once, so
/// neighbours meet exactly. Made once per frame and process (`layer(for:)`), since a view's yearly maps share it.
struct BasemapLayer: Sendable {
    struct CountryShape: Sendable {
        /// The country's index in `Basemap.countries`.
        var index: Int
        var iso3: String
        var name: String
        /// 1 to 7, different from every neighbour's.
        var mapColor: Int
        /// Outer rings on the page, clipped to the frame.
        var rings: [[PlanePoint]]
        /// The page area the rings cover, in square points.
        var area: Double
        /// Natural Earth's label point on the page, when it is inside the frame.
        var labelPoint: PlanePoint?
    }

    /// How far a simplified outline may stray from the data, in points: under half a pixel of the 2× PNG on a
    /// full-width map, a little more on the smaller panels of small multiples, whose outlines are finer than that.
    static func tolerance(forWidth width: Double) -> Double { width >= MapFrame.defaultWidth ? 0.4 : 0.8 }

    let frame: MapFrame
    /// The countries drawn, in painting order.
    let countries: [CountryShape]
    /// Every projected, simplified arc the layer drew, unclipped, by arc index (to draw a particular border).
    let arcs: [Int: [PlanePoint]]

    private static let memo = Mutex<[MapFrame: BasemapLayer]>([:])

    /// The layer for `frame`, made on first use and kept (up to a few dozen frames) for the process.
    static func layer(for frame: MapFrame) -> BasemapLayer {
        if let layer = memo.withLock({ $0[frame] }) { return layer }
        let layer = BasemapLayer(frame: frame, basemap: .naturalEarth)
        memo.withLock { cache in
            if cache.count >= 32 { cache.removeAll() }
            cache[frame] = layer
        }
        return layer
    }

    init(frame: MapFrame, basemap: Basemap) {
        self.frame = frame
        let centre = frame.projection.centre
        let reach = frame.angularRadius
        // Countries with some arc that comes near the window; all their arcs are projected, so rings stay closed.
        var candidate = [Bool](repeating: false, count: basemap.countries.count)
        for (arc, cap) in basemap.arcCaps.enumerated()
        where AzimuthalProjection.angularDistance(from: centre, to: cap.centre) - cap.radius <= reach {
            for country in basemap.arcCountries[arc] { candidate[country] = true }
        }
        var projected: [Int: [PlanePoint]] = [:]
        var unprojectable: Set<Int> = []
        func arcPoints(_ arc: Int) -> [PlanePoint]? {
            if let points = projected[arc] { return points }
            if unprojectable.contains(arc) { return nil }
            var points: [PlanePoint] = []
            points.reserveCapacity(basemap.arcs[arc].count)
            for point in basemap.arcs[arc] {
                // Near the antipode the projection tears; nothing there is ever inside a window.
                guard AzimuthalProjection.angularDistance(from: centre, to: point) < 150,
                      let plane = frame.projection.project(point) else {
                    unprojectable.insert(arc)
                    return nil
                }
                points.append(frame.pagePoint(plane))
            }
            let simplified = PlaneGeometry.simplified(points, tolerance: Self.tolerance(forWidth: frame.width))
            projected[arc] = simplified
            return simplified
        }
        let clip = frame.page
        var shapes: [CountryShape] = []
        for index in basemap.drawingOrder where candidate[index] {
            let country = basemap.countries[index]
            var rings: [[PlanePoint]] = []
            var area = 0.0
            for polygon in country.polygons {
                var ring: [PlanePoint] = []
                var complete = true
                for reference in polygon.rings[0] {
                    guard let points = arcPoints(reference.arc) else {
                        complete = false
                        break
                    }
                    let walked = reference.isReversed ? Array(points.reversed()) : points
                    ring.append(contentsOf: ring.isEmpty ? walked[...] : walked.dropFirst())
                }
                guard complete else { continue }
                let clipped = PlaneGeometry.clippedPolygon(ring, to: clip)
                guard !clipped.isEmpty else { continue }
                // An island smaller than a point cannot be seen; a part bordered by land (an enclave) always stays.
                if let box = PlaneRect(enclosing: clipped), box.width < 1, box.height < 1,
                   !polygon.rings[0].contains(where: { basemap.arcCountries[$0.arc].count > 1 }) { continue }
                area += abs(PlaneGeometry.doubleSignedArea(clipped)) / 2
                rings.append(clipped)
            }
            guard !rings.isEmpty else { continue }
            let suggested = frame.pagePoint(country.labelPoint).flatMap { point in
                rings.contains { PlaneGeometry.contains($0, point) } && frame.page.insetBy(20).contains(point) ? point : nil
            }
            let label = suggested ?? Self.innerPoint(of: rings.max { abs(PlaneGeometry.doubleSignedArea($0)) < abs(PlaneGeometry.doubleSignedArea($1)) }!,
                                                     within: frame.page.insetBy(12))
            shapes.append(CountryShape(index: index, iso3: country.iso3, name: country.name, mapColor: country.mapColor,
                                       rings: rings, area: area,
                                       labelPoint: label))
        }
        countries = shapes
        arcs = projected
    }

    /// A point well inside a ring (the sample of a 16 × 16 grid farthest from its outline) for a country's name
    /// when Natural Earth's label point is off the page; nil when no sample falls inside.
    static func innerPoint(of ring: [PlanePoint], within bounds: PlaneRect) -> PlanePoint? {
        guard let box = PlaneRect(enclosing: ring) else { return nil }
        let outline = PlaneGeometry.simplified(ring + [ring[0]], tolerance: 2)
        var best: (point: PlanePoint, clearance: Double)?
        for row in 0..<16 {
            for column in 0..<16 {
                let point = PlanePoint(x: box.minX + box.width * (Double(column) + 0.5) / 16,
                                       y: box.minY + box.height * (Double(row) + 0.5) / 16)
                guard bounds.contains(point), PlaneGeometry.contains(outline, point) else { continue }
                var clearance = Double.infinity
                for index in 1..<outline.count {
                    clearance = min(clearance, PlaneGeometry.squaredSegmentDistance(point, outline[index - 1], outline[index]))
                }
                if best == nil || clearance > best!.clearance { best = (point, clearance) }
            }
        }
        return best?.point
    }
}
