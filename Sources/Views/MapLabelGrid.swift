import Geography

/// The map's reserved rectangles and lines bucketed by the square cells of the page they touch, so that a label's
/// candidate spot is checked against what is near it instead of everything on the map: a yearly disputes map of a
/// large network holds thousands of lines, and each label tries dozens of spots.
///
/// A query visits every item that could touch the rectangle once; cells on the page's edges reach on outwards,
/// so that what lies off the page is found too. Copies share their marks of what a query has visited, so a grid
/// and its copies are used on one thread at a time.
struct MapLabelGrid {
    private let originX: Double
    private let originY: Double
    private let cellSize: Double
    private let columns: Int
    private let rows: Int
    /// The items of each cell, row by row; an item's number is its place in the order of `add`.
    private var cells: [[Int32]]
    private(set) var count = 0
    private let visits = Visits()

    /// Which items the current query has visited: those whose stamp is the query's. Used on one thread at a
    /// time (see above), so its fields skip the runtime's exclusivity checks, which cost more than the visits.
    private final class Visits {
        @exclusivity(unchecked) var stamps: [UInt32] = []
        @exclusivity(unchecked) var query: UInt32 = 0
    }

    init(bounds: PlaneRect, cellSize: Double = 48) {
        originX = bounds.minX
        originY = bounds.minY
        self.cellSize = cellSize
        columns = max(1, min(512, Int(((bounds.maxX - bounds.minX) / cellSize).rounded(.up))))
        rows = max(1, min(512, Int(((bounds.maxY - bounds.minY) / cellSize).rounded(.up))))
        cells = Array(repeating: [], count: columns * rows)
    }

    /// Adds a rectangle; returns its number.
    @discardableResult
    mutating func add(_ rect: PlaneRect) -> Int {
        let number = Int32(count)
        let (columnRange, rowRange) = span(rect)
        for row in rowRange {
            for column in columnRange { cells[row * columns + column].append(number) }
        }
        count += 1
        return Int(number)
    }

    /// Adds the straight line from `a` to `b`, in the cells it runs through; returns its number.
    @discardableResult
    mutating func add(line a: PlanePoint, _ b: PlanePoint) -> Int {
        let number = Int32(count)
        let box = PlaneRect(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
        let (columnRange, rowRange) = span(box)
        for row in rowRange {
            for column in columnRange where PlaneGeometry.clippedSegment(a, b, to: cellRect(column: column, row: row)) != nil {
                cells[row * columns + column].append(number)
            }
        }
        count += 1
        return Int(number)
    }

    /// Calls `body` once with the number of each item in the cells `rect` touches, in no particular order.
    func forEachCandidate(near rect: PlaneRect, _ body: (Int) -> Void) {
        let (columnRange, rowRange) = span(rect)
        if columnRange.count == 1, rowRange.count == 1 {
            for number in cells[rowRange.lowerBound * columns + columnRange.lowerBound] { body(Int(number)) }
            return
        }
        if visits.stamps.count < count { visits.stamps += repeatElement(0, count: count - visits.stamps.count) }
        if visits.query == .max {
            visits.stamps = Array(repeating: 0, count: visits.stamps.count)
            visits.query = 0
        }
        visits.query += 1
        let query = visits.query
        for row in rowRange {
            for column in columnRange {
                for number in cells[row * columns + column] where visits.stamps[Int(number)] != query {
                    visits.stamps[Int(number)] = query
                    body(Int(number))
                }
            }
        }
    }

    /// The columns and rows of the cells a rectangle touches, edges included; cells on the page's edges hold what
    /// lies beyond them.
    private func span(_ rect: PlaneRect) -> (ClosedRange<Int>, ClosedRange<Int>) {
        let lowX = min(rect.minX, rect.maxX), highX = max(rect.minX, rect.maxX)
        let lowY = min(rect.minY, rect.maxY), highY = max(rect.minY, rect.maxY)
        return (cell(lowX, origin: originX, limit: columns)...cell(highX, origin: originX, limit: columns),
                cell(lowY, origin: originY, limit: rows)...cell(highY, origin: originY, limit: rows))
    }

    private func cell(_ coordinate: Double, origin: Double, limit: Int) -> Int {
        let index = ((coordinate - origin) / cellSize).rounded(.down)
        guard index.isFinite else { return index > 0 ? limit - 1 : 0 }
        return Int(min(max(index, 0), Double(limit - 1)))
    }

    /// A cell's rectangle, a point wider on every side so that a line along its edge is in it; edge cells reach
    /// far beyond the page.
    private func cellRect(column: Int, row: Int) -> PlaneRect {
        let far = 1e9
        return PlaneRect(minX: column == 0 ? -far : originX + Double(column) * cellSize - 1,
                         minY: row == 0 ? -far : originY + Double(row) * cellSize - 1,
                         maxX: column == columns - 1 ? far : originX + Double(column + 1) * cellSize + 1,
                         maxY: row == rows - 1 ? far : originY + Double(row + 1) * cellSize + 1)
    }
}
