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
    /// `occupied` and `lines` by where they are on the page, so a spot is checked against what is near it.
    private var occupiedCells: MapLabelGrid
    private var lineCells: MapLabelGrid

    init(bounds: PlaneRect) {
        self.bounds = bounds
        occupiedCells = MapLabelGrid(bounds: bounds)
        lineCells = MapLabelGrid(bounds: bounds)
    }

    /// Keeps labels off a marker or another drawn thing.
    mutating func reserve(_ rect: PlaneRect) {
        occupied.append(rect)
        occupiedCells.add(rect)
    }

    /// Keeps labels off a straight line between two points.
    mutating func reserve(line from: PlanePoint, to: PlanePoint) {
        lines.append((from, to))
        lineCells.add(line: from, to)
    }

    /// How many of the map's lines run through a rectangle.
    func linesCrossing(_ rect: PlaneRect) -> Int {
        var count = 0
        lineCells.forEachCandidate(near: rect) { index in
            let (a, b) = lines[index]
            // Most lines near a spot pass it by: their bounding box misses it.
            guard min(a.x, b.x) <= rect.maxX, max(a.x, b.x) >= rect.minX, min(a.y, b.y) <= rect.maxY, max(a.y, b.y) >= rect.minY else { return }
            if PlaneGeometry.clippedSegment(a, b, to: rect) != nil { count += 1 }
        }
        return count
    }

    /// The area of the reserved rectangles a rectangle covers, summed in the order they were reserved (so that
    /// equal layouts rank spots alike to the last bit).
    private func overlap(of rect: PlaneRect) -> Double {
        var overlaps: [(index: Int, area: Double)] = []
        occupiedCells.forEachCandidate(near: rect) { index in
            let area = Self.overlapArea(rect, occupied[index])
            if area > 0 { overlaps.append((index, area)) }
        }
        return overlaps.sorted { $0.index < $1.index }.reduce(0.0) { $0 + $1.area }
    }

    /// Whether a reserved rectangle near `rect` passes `test`.
    private func anyReserved(near rect: PlaneRect, _ test: (PlaneRect) -> Bool) -> Bool {
        var found = false
        occupiedCells.forEachCandidate(near: rect) { index in
            if !found, test(occupied[index]) { found = true }
        }
        return found
    }

    /// Whether `rect` covers some of a reserved rectangle (`overlap(of:)` is not zero), found without summing.
    private func overlapsReserved(_ rect: PlaneRect) -> Bool {
        anyReserved(near: rect) { Self.overlapArea(rect, $0) > 0 }
    }

    /// Whether a reserved rectangle touches `rect`.
    private func touchesReserved(_ rect: PlaneRect) -> Bool {
        anyReserved(near: rect) { $0.intersects(rect) }
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
        let chosen = spot(width: width, height: height, near: point, clearance: clearance)
        reserve(Self.rect(centre: chosen.centre, width: width, height: height))
        return chosen
    }

    /// Where `place` would put a label, without reserving it.
    func spot(width: Double, height: Double, near point: PlanePoint, clearance: Double) -> (centre: PlanePoint, needsLeader: Bool) {
        // The first spot free of labels, markers and lines wins; else the one that covers no label or marker
        // and the fewest lines, else the one that overlaps least.
        var best: (centre: PlanePoint, rank: (Int, Int, Double), leader: Bool)?
        for (ring, gap) in [clearance + 2, clearance + 14, clearance + 32, clearance + 56, clearance + 90, clearance + 130].enumerated() {
            for candidate in candidates(width: width, height: height, around: point, gap: gap) {
                let rect = Self.rect(centre: candidate, width: width, height: height)
                guard bounds.contains(PlanePoint(x: rect.minX, y: rect.minY)),
                      bounds.contains(PlanePoint(x: rect.maxX, y: rect.maxY)) else { continue }
                let rank: (Int, Int, Double)
                if !overlapsReserved(rect) {
                    let crossed = linesCrossing(rect.insetBy(1))
                    if crossed == 0 { return (candidate, ring > 0) }
                    rank = (0, crossed, 0.0)
                } else if best == nil || best!.rank.0 == 1 {
                    rank = (1, 0, overlap(of: rect))
                } else {
                    continue  // a spot covering a label or marker never beats one that covers none
                }
                if best == nil || rank < best!.rank { best = (candidate, rank, ring > 0) }
            }
        }
        return best.map { ($0.centre, $0.leader) }
            ?? (clamped(PlanePoint(x: point.x + clearance + 2 + width / 2, y: point.y), width: width, height: height), false)
    }

    /// Places a label at the first of `anchors` where a spot is free, else where `place` would at the first
    /// anchor; returns the anchor used too.
    mutating func placeAtFirstFree(width: Double, height: Double, near anchors: [PlanePoint], clearance: Double)
        -> (centre: PlanePoint, needsLeader: Bool, anchor: PlanePoint) {
        let first = spot(width: width, height: height, near: anchors[0], clearance: clearance)
        for (index, anchor) in anchors.enumerated() {
            let spot = index == 0 ? first : spot(width: width, height: height, near: anchor, clearance: clearance)
            let rect = Self.rect(centre: spot.centre, width: width, height: height)
            if isFree(rect) {
                reserve(rect)
                return (spot.centre, spot.needsLeader, anchor)
            }
        }
        // Where `place` would put it at the first anchor.
        reserve(Self.rect(centre: first.centre, width: width, height: height))
        return (first.centre, first.needsLeader, anchors[0])
    }

    /// Whether a rectangle is free of everything reserved and inside the bounds.
    func isFree(_ rect: PlaneRect) -> Bool {
        bounds.contains(PlanePoint(x: rect.minX, y: rect.minY)) && bounds.contains(PlanePoint(x: rect.maxX, y: rect.maxY))
            && !touchesReserved(rect) && linesCrossing(rect) == 0
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
