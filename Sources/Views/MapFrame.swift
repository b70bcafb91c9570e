import Foundation
import Geography

/// Where a map's window lies and how it is projected onto the page: Lambert's azimuthal equal-area projection
/// centred on the window, scaled so the window fills `width` points, with the page's origin at the window's
/// lower-left corner (Graphviz's y axis points up). Basemap and actors use the same frame, and every yearly map of
/// a view uses the frame fitted to the view over all years, so the land does not move from year to year.
struct MapFrame: Hashable, Sendable {
    /// Places farther than this from the middle of what a map shows, in degrees of arc (about 5,500 km), do not
    /// widen its window: they are drawn at the edge in their direction.
    static let remoteDegrees = 50.0
    /// The smallest window, in kilometres across, so a map of one city still shows the country around it.
    static let minimumSpanKilometres = 700.0
    /// The page width of a map, in points (13 inches).
    static let defaultWidth = 936.0
    /// How far in from the frame an actor drawn at the edge sits, in points.
    static let edgeInset = 16.0

    let projection: AzimuthalProjection
    /// The window on the projection's plane (units of the Earth's radius).
    let window: PlaneRect
    /// The page size in points.
    let width: Double
    let height: Double

    var scale: Double { width / window.width }
    /// The map on the page.
    var page: PlaneRect { PlaneRect(minX: 0, minY: 0, maxX: width, maxY: height) }
    /// Kilometres per point on the page, near the centre.
    var kilometresPerPoint: Double { AzimuthalProjection.kilometresPerUnit / scale }

    /// The frame fitted to `focus`: centred on them (far-off ones aside), with a margin, between 0.55 and 0.9 times
    /// as high as wide. Nil when there is no point on the globe to fit.
    static func fitting(_ focus: [GeoPoint], width: Double = defaultWidth) -> MapFrame? {
        let points = focus.filter(\.isOnTheGlobe)
        guard !points.isEmpty else { return nil }
        var centre = medianPoint(points)
        let near = points.filter { AzimuthalProjection.angularDistance(from: centre, to: $0) <= remoteDegrees }
        let fitted = near.isEmpty ? [centre] : near
        var projection = AzimuthalProjection(centre: centre)
        var bounds = PlaneRect(minX: 0, minY: 0, maxX: 0, maxY: 0)
        // Twice: centre on the median, then on the middle of the window that fits, so the window's centre is the
        // projection's and a direction on the page from there is a compass bearing.
        for _ in 0..<2 {
            projection = AzimuthalProjection(centre: centre)
            bounds = PlaneRect(enclosing: fitted.compactMap(projection.project)) ?? bounds
            if let middle = projection.inverse(bounds.centre) { centre = middle }
        }
        projection = AzimuthalProjection(centre: rounded(centre))
        bounds = PlaneRect(enclosing: fitted.compactMap(projection.project)) ?? bounds
        let minimumSpan = minimumSpanKilometres / AzimuthalProjection.kilometresPerUnit
        var halfWidth = max(bounds.width, minimumSpan) / 2 * 1.18 + minimumSpan * 0.04
        var halfHeight = max(bounds.height, minimumSpan * 0.55) / 2 * 1.18 + minimumSpan * 0.04
        halfWidth = max(halfWidth, abs(bounds.minX) * 1.18, abs(bounds.maxX) * 1.18)
        halfHeight = max(halfHeight, abs(bounds.minY) * 1.18, abs(bounds.maxY) * 1.18)
        // Between 0.55 and 0.9 times as high as wide, by widening the narrower side.
        halfHeight = max(halfHeight, halfWidth * 0.55)
        halfWidth = max(halfWidth, halfHeight / 0.9)
        let window = PlaneRect(minX: -halfWidth, minY: -halfHeight, maxX: halfWidth, maxY: halfHeight)
        let frame = MapFrame(projection: projection, window: window, width: width,
                             height: (width * window.height / window.width).rounded())
        return frame
    }

    /// The same window and projection drawn `width` points wide (a panel of small multiples).
    func resized(width: Double) -> MapFrame {
        MapFrame(projection: projection, window: window, width: width, height: (width * window.height / window.width).rounded())
    }

    /// The point on the page, or nil for the antipode; outside `page` for a place outside the window.
    func pagePoint(_ point: GeoPoint) -> PlanePoint? {
        projection.project(point).map(pagePoint)
    }

    func pagePoint(_ plane: PlanePoint) -> PlanePoint {
        PlanePoint(x: (plane.x - window.minX) * scale, y: (plane.y - window.minY) * scale)
    }

    /// Whether the place lies inside the window.
    func shows(_ point: GeoPoint) -> Bool {
        pagePoint(point).map(page.contains) ?? false
    }

    /// Where a place outside the window is drawn: just inside the frame, on the line from the map's centre
    /// towards it, which is its compass bearing from the centre.
    func edgePoint(toward point: GeoPoint) -> PlanePoint {
        let centre = PlanePoint(x: width / 2, y: height / 2)
        var direction: (x: Double, y: Double)
        if let target = pagePoint(point), target != centre {
            direction = (target.x - centre.x, target.y - centre.y)
        } else {
            let bearing = AzimuthalProjection.bearing(from: projection.centre, to: point) * .pi / 180
            direction = (sin(bearing), cos(bearing))
        }
        let inner = page.insetBy(Self.edgeInset)
        let tx = direction.x == 0 ? Double.infinity : (direction.x > 0 ? inner.maxX - centre.x : inner.minX - centre.x) / direction.x
        let ty = direction.y == 0 ? Double.infinity : (direction.y > 0 ? inner.maxY - centre.y : inner.minY - centre.y) / direction.y
        let t = min(tx, ty)
        return PlanePoint(x: centre.x + direction.x * t, y: centre.y + direction.y * t)
    }

    /// "2,900 km NW": how far and which way a place lies from the map's centre.
    func distanceAndDirection(to point: GeoPoint) -> String {
        let kilometres = AzimuthalProjection.angularDistance(from: projection.centre, to: point) * .pi / 180
            * AzimuthalProjection.kilometresPerUnit
        let rounded = kilometres >= 1000 ? (kilometres / 100).rounded() * 100 : (kilometres / 10).rounded() * 10
        let bearing = AzimuthalProjection.bearing(from: projection.centre, to: point)
        let names = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]
        return "\(Self.grouped(Int(rounded))) km \(names[Int((bearing / 45).rounded()) % 8])"
    }

    /// The radius of a circle around the projection's centre, in degrees of arc, that holds the whole window.
    var angularRadius: Double {
        let corners = [PlanePoint(x: window.minX, y: window.minY), PlanePoint(x: window.maxX, y: window.minY),
                       PlanePoint(x: window.minX, y: window.maxY), PlanePoint(x: window.maxX, y: window.maxY)]
        var radius = 0.0
        for corner in corners {
            guard let point = projection.inverse(corner) else { return 180 }
            radius = max(radius, projection.angularDistance(to: point))
        }
        return min(180, radius + 1)
    }

    /// The middle of the points: the median latitude, and the median longitude measured from the widest gap
    /// between them, so points on both sides of the 180th meridian are not averaged to the other side of the world.
    static func medianPoint(_ points: [GeoPoint]) -> GeoPoint {
        let longitudes = points.map(\.longitude).sorted()
        var cut = -Double.infinity, widest = longitudes[0] + 360 - longitudes[longitudes.count - 1]
        for index in 1..<longitudes.count where longitudes[index] - longitudes[index - 1] > widest {
            widest = longitudes[index] - longitudes[index - 1]
            cut = longitudes[index]
        }
        let unwrapped = longitudes.map { $0 < cut ? $0 + 360 : $0 }
        var longitude = median(unwrapped)
        while longitude > 180 { longitude -= 360 }
        return GeoPoint(longitude: longitude, latitude: median(points.map(\.latitude)))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The centre to a hundredth of a degree, so the frame does not depend on the last bits of the fitting.
    static func rounded(_ point: GeoPoint) -> GeoPoint {
        GeoPoint(longitude: (point.longitude * 100).rounded() / 100, latitude: (point.latitude * 100).rounded() / 100)
    }

    /// "12,300".
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }
}
