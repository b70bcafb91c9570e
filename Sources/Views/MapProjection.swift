import DOT
import Foundation
import RelationModel

/// Places located actors on a page so that compass directions hold: an equirectangular projection around
/// the actors' median point, spread out near the centre (distance to the centre is compressed, direction kept)
/// so dense areas stay legible, scaled to `width` inches, then nudged apart where labels would overlap.
struct MapProjection {
    /// Actors farther than this from the median, in degrees, are drawn at the map's edge in their direction.
    static let remoteLongitude = 60.0
    static let remoteLatitude = 35.0

    private(set) var positions: [String: Position] = [:]
    /// Actors too far away to draw to scale, placed on the map's edge.
    private(set) var remote: [String] = []

    /// `places`: actor ids with coordinates and the lines of their labels, in a stable order.
    init(places: [(id: String, coordinate: Coordinate, label: [String])], width: Double = 13) {
        guard !places.isEmpty else { return }
        let centre = Coordinate(latitude: Self.median(places.map(\.coordinate.latitude)),
                                longitude: Self.median(places.map(\.coordinate.longitude)))
        let aspect = cos(centre.latitude * .pi / 180)
        var local: [String: (x: Double, y: Double)] = [:]
        var farthest = 0.0
        for place in places {
            let x = (place.coordinate.longitude - centre.longitude) * aspect
            let y = place.coordinate.latitude - centre.latitude
            local[place.id] = (x, y)
            if abs(place.coordinate.longitude - centre.longitude) > Self.remoteLongitude
                || abs(place.coordinate.latitude - centre.latitude) > Self.remoteLatitude {
                remote.append(place.id)
            } else {
                farthest = max(farthest, (x * x + y * y).squareRoot())
            }
        }
        farthest = max(farthest, 1)
        var spread: [String: (x: Double, y: Double)] = [:]
        for place in places {
            let (x, y) = local[place.id]!
            let distance = (x * x + y * y).squareRoot()
            guard distance > 0 else { spread[place.id] = (0, 0); continue }
            let scaled = remote.contains(place.id) ? farthest * 1.15 : farthest * pow(distance / farthest, 0.45)
            spread[place.id] = (x / distance * scaled, y / distance * scaled)
        }
        let xs = spread.values.map(\.x), ys = spread.values.map(\.y)
        let extent = max(xs.max()! - xs.min()!, (ys.max()! - ys.min()!) * 1.3, 0.001)
        let scale = width / extent
        var boxes = places.map { place -> LabelBox in
            let point = spread[place.id]!
            return LabelBox(id: place.id, x: (point.x - xs.min()!) * scale, y: (point.y - ys.min()!) * scale,
                            width: 0.5 + 0.08 * Double(place.label.map(\.count).max() ?? 1),
                            height: 0.35 + 0.2 * Double(place.label.count))
        }
        LabelBox.separate(&boxes)
        for box in boxes {
            positions[box.id] = Position(x: (box.x * 100).rounded() / 100, y: (box.y * 100).rounded() / 100)
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// A node's label box on the map, in inches, centred on (x, y).
struct LabelBox {
    var id: String
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    /// Pushes overlapping boxes apart along the axis where they overlap least, a few rounds, in a fixed order.
    static func separate(_ boxes: inout [LabelBox], rounds: Int = 200) {
        for _ in 0..<rounds {
            var moved = false
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    let overlapX = (boxes[i].width + boxes[j].width) / 2 - abs(boxes[i].x - boxes[j].x)
                    let overlapY = (boxes[i].height + boxes[j].height) / 2 - abs(boxes[i].y - boxes[j].y)
                    guard overlapX > 0, overlapY > 0 else { continue }
                    moved = true
                    if overlapY <= overlapX {
                        let push = overlapY / 2 + 0.01
                        let direction: Double = boxes[i].y > boxes[j].y || (boxes[i].y == boxes[j].y && i < j) ? 1 : -1
                        boxes[i].y += push * direction
                        boxes[j].y -= push * direction
                    } else {
                        let push = overlapX / 2 + 0.01
                        let direction: Double = boxes[i].x > boxes[j].x ? 1 : -1
                        boxes[i].x += push * direction
                        boxes[j].x -= push * direction
                    }
                }
            }
            if !moved { return }
        }
    }
}
