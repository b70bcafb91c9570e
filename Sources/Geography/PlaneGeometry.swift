/// Simplifying and clipping outlines on the page plane, for drawing a basemap at a given scale.
public enum PlaneGeometry {
    /// Douglas-Peucker: the fewest points that stay within `tolerance` of the line; the ends always stay. A closed
    /// line (first point equal to the last) keeps at least three corners, so no island or enclave vanishes.
    public static func simplified(_ points: [PlanePoint], tolerance: Double) -> [PlanePoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack: [(Int, Int)] = []
        let isClosed = points[0] == points[points.count - 1]
        if isClosed {
            var far = 1, farthest = -1.0
            for index in 1..<(points.count - 1) {
                let d = squaredDistance(points[0], points[index])
                if d > farthest { (far, farthest) = (index, d) }
            }
            keep[far] = true
            stack = [(0, far), (far, points.count - 1)]
        } else {
            stack = [(0, points.count - 1)]
        }
        let limit = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last - first >= 2 else { continue }
            var worst = first, worstDistance = -1.0
            for index in (first + 1)..<last {
                let d = squaredSegmentDistance(points[index], points[first], points[last])
                if d > worstDistance { (worst, worstDistance) = (index, d) }
            }
            if worstDistance > limit {
                keep[worst] = true
                stack.append((first, worst))
                stack.append((worst, last))
            }
        }
        if isClosed, keep.count(where: { $0 }) < 4 {
            let kept = keep.indices.filter { keep[$0] }
            var third: Int?, farthest = -1.0
            for index in 1..<(points.count - 1) where !keep[index] {
                let d = squaredSegmentDistance(points[index], points[kept[0]], points[kept[1]])
                if d > farthest { (third, farthest) = (index, d) }
            }
            if let third { keep[third] = true }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    /// The part of a closed ring inside `rect` (Sutherland-Hodgman against the rectangle's four sides), as a ring
    /// that may run along the rectangle's sides; empty when nothing of it is inside.
    public static func clippedPolygon(_ ring: [PlanePoint], to rect: PlaneRect) -> [PlanePoint] {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        guard let bounds = PlaneRect(enclosing: points), bounds.intersects(rect) else { return [] }
        if rect.contains(PlanePoint(x: bounds.minX, y: bounds.minY)) && rect.contains(PlanePoint(x: bounds.maxX, y: bounds.maxY)) {
            return points
        }
        let sides: [(inside: (PlanePoint) -> Bool, cross: (PlanePoint, PlanePoint) -> PlanePoint)] = [
            ({ $0.x >= rect.minX }, { crossX($0, $1, rect.minX) }),
            ({ $0.x <= rect.maxX }, { crossX($0, $1, rect.maxX) }),
            ({ $0.y >= rect.minY }, { crossY($0, $1, rect.minY) }),
            ({ $0.y <= rect.maxY }, { crossY($0, $1, rect.maxY) }),
        ]
        for side in sides {
            guard !points.isEmpty else { return [] }
            var output: [PlanePoint] = []
            output.reserveCapacity(points.count + 4)
            var previous = points[points.count - 1]
            for point in points {
                let pointIn = side.inside(point), previousIn = side.inside(previous)
                if pointIn {
                    if !previousIn { output.append(side.cross(previous, point)) }
                    output.append(point)
                } else if previousIn {
                    output.append(side.cross(previous, point))
                }
                previous = point
            }
            points = output
        }
        return points.count >= 3 ? points : []
    }

    /// The pieces of a line inside `rect` (Liang-Barsky on each segment, joined where they meet).
    public static func clippedLine(_ line: [PlanePoint], to rect: PlaneRect) -> [[PlanePoint]] {
        guard line.count >= 2, let bounds = PlaneRect(enclosing: line), bounds.intersects(rect) else { return [] }
        var pieces: [[PlanePoint]] = []
        var current: [PlanePoint] = []
        for index in 1..<line.count {
            guard let (start, end) = clippedSegment(line[index - 1], line[index], to: rect) else {
                if current.count >= 2 { pieces.append(current) }
                current = []
                continue
            }
            if current.last != start {
                if current.count >= 2 { pieces.append(current) }
                current = [start]
            }
            current.append(end)
            if end != line[index] {
                pieces.append(current)
                current = []
            }
        }
        if current.count >= 2 { pieces.append(current) }
        return pieces
    }

    /// The part of the segment from `a` to `b` inside `rect` (Liang–Barsky); nil when it misses the rectangle.
    public static func clippedSegment(_ a: PlanePoint, _ b: PlanePoint, to rect: PlaneRect) -> (PlanePoint, PlanePoint)? {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let r = q / p
            if p < 0 {
                if r > t1 { return nil }
                t0 = max(t0, r)
            } else {
                if r < t0 { return nil }
                t1 = min(t1, r)
            }
        }
        let start = t0 == 0 ? a : PlanePoint(x: a.x + t0 * dx, y: a.y + t0 * dy)
        let end = t1 == 1 ? b : PlanePoint(x: a.x + t1 * dx, y: a.y + t1 * dy)
        return (start, end)
    }

    /// Twice the signed area of a ring (positive when it runs counter-clockwise on a y-up plane).
    public static func doubleSignedArea(_ ring: [PlanePoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        var previous = ring[ring.count - 1]
        for point in ring {
            sum += previous.x * point.y - point.x * previous.y
            previous = point
        }
        return sum
    }

    /// Whether the point lies inside the ring (even-odd rule).
    public static func contains(_ ring: [PlanePoint], _ point: PlanePoint) -> Bool {
        guard ring.count >= 3 else { return false }
        var inside = false
        var previous = ring[ring.count - 1]
        for current in ring {
            if (current.y > point.y) != (previous.y > point.y),
               point.x < current.x + (point.y - current.y) * (previous.x - current.x) / (previous.y - current.y) {
                inside.toggle()
            }
            previous = current
        }
        return inside
    }

    /// The stretches of the horizontal line at `y` that lie inside the ring (even-odd), as x ranges, left to right.
    public static func spans(of ring: [PlanePoint], atY y: Double) -> [ClosedRange<Double>] {
        guard ring.count >= 3 else { return [] }
        var crossings: [Double] = []
        var previous = ring[ring.count - 1]
        for current in ring {
            if (current.y > y) != (previous.y > y) {
                crossings.append(current.x + (y - current.y) * (previous.x - current.x) / (previous.y - current.y))
            }
            previous = current
        }
        crossings.sort()
        return stride(from: 0, to: crossings.count - 1, by: 2).map { crossings[$0]...crossings[$0 + 1] }
    }

    private static func crossX(_ a: PlanePoint, _ b: PlanePoint, _ x: Double) -> PlanePoint {
        PlanePoint(x: x, y: a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x))
    }

    private static func crossY(_ a: PlanePoint, _ b: PlanePoint, _ y: Double) -> PlanePoint {
        PlanePoint(x: a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y: y)
    }

    static func squaredDistance(_ a: PlanePoint, _ b: PlanePoint) -> Double {
        let dx = a.x - b.x, dy = a.y - b.y
        return dx * dx + dy * dy
    }

    /// The squared distance from `p` to the segment from `a` to `b`.
    public static func squaredSegmentDistance(_ p: PlanePoint, _ a: PlanePoint, _ b: PlanePoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = dx * dx + dy * dy
        guard length > 0 else { return squaredDistance(p, a) }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
        return squaredDistance(p, PlanePoint(x: a.x + t * dx, y: a.y + t * dy))
    }
}
