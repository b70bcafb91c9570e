import Geography

/// Puts labels beside the points they name without covering another label, a marker or a line of the map: for
/// each label, in the order asked, the first free spot among eight around its point (right first, as
/// cartographers prefer), then the same farther out, where the label gets a leader line back to its point; when
/// nothing is free, the spot that covers the fewest lines and overlaps least. Positions are in points on the page.
struct MapLabelPlacer {
    /// Where labels may go.
    let bounds: PlaneRect
    /// What labels must not cover: markers and the labels placed so far.
    private(set) var occupied: [PlaneRect] = []
    /// The map's straight lines, which labels keep off so that no line runs through a name.
    private(set) var lines: [(PlanePoint, PlanePoint)] = []

    init(bounds: PlaneRect) {
        self.bounds = bounds
    }

    /// Keeps labels off a marker or another drawn thing.
    mutating func reserve(_ rect: PlaneRect) {
        occupied.append(rect)
    }

    /// Keeps labels off a straight line between two points.
    mutating func reserve(line from: PlanePoint, to: PlanePoint) {
        lines.append((from, to))
    }

    /// How many of the map's lines run through a rectangle.
    func linesCrossing(_ rect: PlaneRect) -> Int {
        lines.reduce(0) { $0 + (PlaneGeometry.clippedSegment($1.0, $1.1, to: rect) == nil ? 0 : 1) }
    }

    mutating func reserve(marker point: PlanePoint, radius: Double) {
        reserve(PlaneRect(minX: point.x - radius, minY: point.y - radius, maxX: point.x + radius, maxY: point.y + radius))
    }

    /// The size of a label of `lines` at `fontSize` as Graphviz draws it, in points, with a little margin.
    static func size(of lines: [String], fontSize: Double) -> (width: Double, height: Double) {
        (TextMeasure.width(lines: lines, size: fontSize) + 8, Double(lines.count) * fontSize * 1.2 + 4)
    }

    /// Places a label of `size` near `point` and reserves its room; returns its centre and whether it sits far
    /// enough from the point to need a leader line.
    mutating func place(width: Double, height: Double, near point: PlanePoint, clearance: Double) -> (centre: PlanePoint, needsLeader: Bool) {
        // The first spot free of labels, markers and lines wins; else the one that covers no label or marker
        // and the fewest lines, else the one that overlaps least.
        var best: (centre: PlanePoint, rank: (Int, Int, Double), leader: Bool)?
        for (ring, gap) in [clearance + 2, clearance + 14, clearance + 32, clearance + 56, clearance + 90, clearance + 130].enumerated() {
            for candidate in candidates(width: width, height: height, around: point, gap: gap) {
                let rect = Self.rect(centre: candidate, width: width, height: height)
                guard bounds.contains(PlanePoint(x: rect.minX, y: rect.minY)),
                      bounds.contains(PlanePoint(x: rect.maxX, y: rect.maxY)) else { continue }
                let overlap = occupied.reduce(0.0) { $0 + Self.overlapArea(rect, $1) }
                let crossed = linesCrossing(rect.insetBy(1))
                if overlap == 0, crossed == 0 {
                    occupied.append(rect)
                    return (candidate, ring > 0)
                }
                let rank = overlap > 0 ? (1, 0, overlap) : (0, crossed, 0.0)
                if best == nil || rank < best!.rank { best = (candidate, rank, ring > 0) }
            }
        }
        let chosen = best.map { ($0.centre, $0.leader) }
            ?? (clamped(PlanePoint(x: point.x + clearance + 2 + width / 2, y: point.y), width: width, height: height), false)
        occupied.append(Self.rect(centre: chosen.0, width: width, height: height))
        return (chosen.0, chosen.1)
    }

    /// Places a label at the first of `anchors` where a spot is free, else where `place` would at the first
    /// anchor; returns the anchor used too.
    mutating func placeAtFirstFree(width: Double, height: Double, near anchors: [PlanePoint], clearance: Double)
        -> (centre: PlanePoint, needsLeader: Bool, anchor: PlanePoint) {
        for anchor in anchors {
            var trial = self
            let spot = trial.place(width: width, height: height, near: anchor, clearance: clearance)
            let rect = Self.rect(centre: spot.centre, width: width, height: height)
            if isFree(rect) {
                self = trial
                return (spot.centre, spot.needsLeader, anchor)
            }
        }
        let spot = place(width: width, height: height, near: anchors[0], clearance: clearance)
        return (spot.centre, spot.needsLeader, anchors[0])
    }

    /// Whether a rectangle is free of everything reserved and inside the bounds.
    func isFree(_ rect: PlaneRect) -> Bool {
        bounds.contains(PlanePoint(x: rect.minX, y: rect.minY)) && bounds.contains(PlanePoint(x: rect.maxX, y: rect.maxY))
            && !occupied.contains { $0.intersects(rect) } && linesCrossing(rect) == 0
    }

    private func candidates(width: Double, height: Double, around point: PlanePoint, gap: Double) -> [PlanePoint] {
        let dx = gap + width / 2, dy = gap + height / 2
        let diagonal = gap * 0.7
        return [
            PlanePoint(x: point.x + dx, y: point.y),
            PlanePoint(x: point.x - dx, y: point.y),
            PlanePoint(x: point.x, y: point.y + dy),
            PlanePoint(x: point.x, y: point.y - dy),
            PlanePoint(x: point.x + diagonal + width / 2, y: point.y + diagonal + height / 2),
            PlanePoint(x: point.x + diagonal + width / 2, y: point.y - diagonal - height / 2),
            PlanePoint(x: point.x - diagonal - width / 2, y: point.y + diagonal + height / 2),
            PlanePoint(x: point.x - diagonal - width / 2, y: point.y - diagonal - height / 2),
        ]
    }

    private func clamped(_ centre: PlanePoint, width: Double, height: Double) -> PlanePoint {
        PlanePoint(x: min(max(centre.x, bounds.minX + width / 2), bounds.maxX - width / 2),
                   y: min(max(centre.y, bounds.minY + height / 2), bounds.maxY - height / 2))
    }

    static func rect(centre: PlanePoint, width: Double, height: Double) -> PlaneRect {
        PlaneRect(minX: centre.x - width / 2, minY: centre.y - height / 2, maxX: centre.x + width / 2, maxY: centre.y + height / 2)
    }

    static func overlapArea(_ a: PlaneRect, _ b: PlaneRect) -> Double {
        let width = min(a.maxX, b.maxX) - max(a.minX, b.minX)
        let height = min(a.maxY, b.maxY) - max(a.minY, b.minY)
        return width > 0 && height > 0 ? width * height : 0
    }
}
