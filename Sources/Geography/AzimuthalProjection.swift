import Foundation

/// Lambert's azimuthal equal-area projection on the unit sphere, centred on a point.
///
/// Chosen for relmap's maps because areas stay true (a choropleth does not inflate northern states as plate carrée
/// does), shapes stay close to true over the few thousand kilometres a regional map spans, and every direction
/// from the centre is the true compass bearing, so an actor drawn at the map's edge "in its direction" points the
/// way a reader would travel to it. The whole sphere maps into a disc of radius 2; only the antipode has no image.
public struct AzimuthalProjection: Hashable, Sendable {
    public let centre: GeoPoint
    private let sinCentre: Double
    private let cosCentre: Double

    public init(centre: GeoPoint) {
        self.centre = centre
        let latitude = centre.latitude * .pi / 180
        sinCentre = sin(latitude)
        cosCentre = cos(latitude)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.centre == rhs.centre }
    public func hash(into hasher: inout Hasher) { hasher.combine(centre) }

    /// The point's place on the plane; nil at (or within a hair of) the antipode, which has no single image.
    public func project(_ point: GeoPoint) -> PlanePoint? {
        let latitude = point.latitude * .pi / 180
        let deltaLongitude = (point.longitude - centre.longitude) * .pi / 180
        let sinLatitude = sin(latitude), cosLatitude = cos(latitude), cosDelta = cos(deltaLongitude)
        let denominator = 1 + sinCentre * sinLatitude + cosCentre * cosLatitude * cosDelta
        guard denominator > 1e-12 else { return nil }
        let k = (2 / denominator).squareRoot()
        return PlanePoint(x: k * cosLatitude * sin(deltaLongitude),
                          y: k * (cosCentre * sinLatitude - sinCentre * cosLatitude * cosDelta))
    }

    /// The point on the globe a plane point stands for; nil outside the disc of radius 2.
    public func inverse(_ point: PlanePoint) -> GeoPoint? {
        let rho = (point.x * point.x + point.y * point.y).squareRoot()
        guard rho <= 2 else { return nil }
        guard rho > 1e-15 else { return centre }
        let c = 2 * asin(rho / 2)
        let sinC = sin(c), cosC = cos(c)
        let latitude = asin(max(-1, min(1, cosC * sinCentre + point.y * sinC * cosCentre / rho)))
        var longitude = centre.longitude * .pi / 180
            + atan2(point.x * sinC, rho * cosCentre * cosC - point.y * sinCentre * sinC)
        if longitude > .pi { longitude -= 2 * .pi }
        if longitude < -.pi { longitude += 2 * .pi }
        return GeoPoint(longitude: longitude * 180 / .pi, latitude: latitude * 180 / .pi)
    }

    /// The great-circle distance from the centre to the point, in degrees of arc.
    public func angularDistance(to point: GeoPoint) -> Double {
        Self.angularDistance(from: centre, to: point)
    }

    /// The great-circle distance between two points, in degrees of arc (haversine, exact near zero).
    public static func angularDistance(from a: GeoPoint, to b: GeoPoint) -> Double {
        let lat1 = a.latitude * .pi / 180, lat2 = b.latitude * .pi / 180
        let dLat = lat2 - lat1, dLon = (b.longitude - a.longitude) * .pi / 180
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * asin(min(1, h.squareRoot())) * 180 / .pi
    }

    /// The initial compass bearing from `a` to `b`, in degrees clockwise from north.
    public static func bearing(from a: GeoPoint, to b: GeoPoint) -> Double {
        let lat1 = a.latitude * .pi / 180, lat2 = b.latitude * .pi / 180
        let dLon = (b.longitude - a.longitude) * .pi / 180
        let angle = atan2(sin(dLon) * cos(lat2), cos(lat1) * sin(lat2) - sin(lat1) * cos(lat2) * cos(dLon)) * 180 / .pi
        return angle < 0 ? angle + 360 : angle
    }

    /// Kilometres per unit of the plane near the centre (the unit sphere has Earth's mean radius).
    public static let kilometresPerUnit = 6371.0
}
