import DOT
import Foundation
import Synchronization

/// A network's node positions, computed here rather than by Graphviz so that one layout serves every year of a
/// view: the yearly maps pin their nodes where the layout of all years put them, and stepping from one year to
/// the next moves nothing that is in both.
///
/// Stress majorization (SMACOF), the method of Graphviz's neato: nodes are placed so that their distances on the
/// page match their distances in the graph, weighted by the inverse square of those. It starts from a circle in
/// the given order and runs a fixed number of rounds in a fixed order, so the same graph always gives the same
/// positions. Then boxes that overlap are pushed apart. The cost grows with the square of the nodes; views use it
/// up to `maximumNodes`.
struct StressLayout {
    /// Above this many nodes a view leaves the layout to sfdp.
    static let maximumNodes = 400
    /// How much more the drawing is spread across than down: boxes are wide, and so are screens and slides.
    static let widening = 1.4

    private(set) var positions: [String: Position] = [:]

    /// - Parameters:
    ///   - nodes: the nodes, in a stable order.
    ///   - sizes: each node's box in points.
    ///   - edges: pairs of nodes that are joined.
    init(nodes: [String], sizes: [String: RadialLayout.Size], edges: [(String, String)]) {
        let count = nodes.count
        guard count > 0 else { return }
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        var neighbours = [[Int]](repeating: [], count: count)
        for (from, to) in edges {
            guard let a = index[from], let b = index[to], a != b else { continue }
            if !neighbours[a].contains(b) { neighbours[a].append(b) }
            if !neighbours[b].contains(a) { neighbours[b].append(a) }
        }
        let boxes = nodes.map { sizes[$0] ?? RadialLayout.Size(width: 54, height: 36) }
        // The length of one step in the graph: about the size of a box with room for a line between two.
        let step = boxes.map { ($0.width + $0.height) / 2 }.reduce(0, +) / Double(count) + 24
        let distances = Self.graphDistances(neighbours)
        var (x, y) = Self.classicalScaling(distances, step: step)
        if count > 1 {
            // Each pair's ideal distance and weight, row by row, worked out once for every round.
            var ideals = [Double](repeating: 0, count: count * count), weights = ideals
            for i in 0..<count {
                for j in 0..<count where j != i {
                    let ideal = Double(distances[i][j]) * step
                    ideals[i * count + j] = ideal
                    weights[i * count + j] = 1 / (ideal * ideal)
                }
            }
            var nextX = [Double](repeating: 0, count: count)
            var nextY = [Double](repeating: 0, count: count)
            ideals.withUnsafeBufferPointer { ideals in
                weights.withUnsafeBufferPointer { weights in
                    for _ in 0..<Self.rounds(count) {
                        x.withUnsafeBufferPointer { x in
                            y.withUnsafeBufferPointer { y in
                                nextX.withUnsafeMutableBufferPointer { nextX in
                                    nextY.withUnsafeMutableBufferPointer { nextY in
                                        for i in 0..<count {
                                            var weightSum = 0.0, sumX = 0.0, sumY = 0.0
                                            let row = i * count
                                            // Two runs around i rather than a test of j != i in every step.
                                            Self.attract(i, 0..<i, row: row, ideals: ideals, weights: weights, x: x, y: y,
                                                         sumX: &sumX, sumY: &sumY, weightSum: &weightSum)
                                            Self.attract(i, (i + 1)..<count, row: row, ideals: ideals, weights: weights, x: x, y: y,
                                                         sumX: &sumX, sumY: &sumY, weightSum: &weightSum)
                                            nextX[i] = sumX / weightSum
                                            nextY[i] = sumY / weightSum
                                        }
                                    }
                                }
                            }
                        }
                        swap(&x, &nextX)
                        swap(&y, &nextY)
                    }
                }
            }
        }
        // Stress treats nodes as points: spread the drawing evenly until no two boxes overlap (as Graphviz's
        // overlap=scale does), at most threefold, wider than tall as boxes are, then push apart what still does.
        let margin = 24.0
        var spread = 1.0
        for i in 0..<count {
            for j in (i + 1)..<count {
                let needX = (boxes[i].width + boxes[j].width) / 2 + margin, needY = (boxes[i].height + boxes[j].height) / 2 + margin
                let dx = abs(x[i] - x[j]) * Self.widening, dy = abs(y[i] - y[j])
                guard dx < needX, dy < needY else { continue }
                spread = max(spread, min(dx > 0 ? needX / dx : .infinity, dy > 0 ? needY / dy : .infinity))
            }
        }
        spread = min(spread, 3)
        x = x.map { $0 * spread * Self.widening }
        y = y.map { $0 * spread }
        // Pushing boxes apart in a crowd can run out of rounds with some still overlapping, and nodes that touch
        // make Graphviz draw every line of the diagram straight: then spread the drawing and push again.
        let widths = boxes.map { $0.width + margin }, heights = boxes.map { $0.height + margin }
        for _ in 0..<Self.spreadsWhileCrowded {
            if Self.separate(x: &x, y: &y, widths: widths, heights: heights) { break }
            x = x.map { $0 * 1.25 }
            y = y.map { $0 * 1.25 }
        }
        for index in 0..<count {
            positions[nodes[index]] = Position(x: (x[index] * 100).rounded() / 100, y: (y[index] * 100).rounded() / 100)
        }
    }

    /// The layout of a graph, computed once per process: every yearly map of a view asks for the layout of the
    /// same union of years.
    static func cached(nodes: [String], sizes: [String: RadialLayout.Size], edges: [(String, String)]) -> [String: Position] {
        var key = nodes.joined(separator: "\u{1}") + "\u{2}"
        for (from, to) in edges { key += from + "\u{1}" + to + "\u{1}" }
        for node in nodes { key += sizes[node].map { "\($0.width)x\($0.height)," } ?? "-," }
        if let known = memo.withLock({ $0[key] }) { return known }
        let positions = StressLayout(nodes: nodes, sizes: sizes, edges: edges).positions
        memo.withLock { memo in
            if memo.count >= 8 { memo.removeAll() }
            memo[key] = positions
        }
        return positions
    }

    private static let memo = Mutex<[String: [String: Position]]>([:])

    /// The pull of nodes `others` on node `i` in a stress round: where each would have it stand, at their ideal
    /// distance, added to the sums in the order of `others`. Four nodes' pulls are worked out at once (the
    /// divisions and square roots are most of a round) and then added one by one, so the sums have the bits
    /// that adding each node's pull in turn gives.
    @inline(__always)
    private static func attract(_ i: Int, _ others: Range<Int>, row: Int, ideals: UnsafeBufferPointer<Double>,
                                weights: UnsafeBufferPointer<Double>, x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
                                sumX: inout Double, sumY: inout Double, weightSum: inout Double) {
        var j = others.lowerBound
        let stride = MemoryLayout<Double>.stride
        let xs = UnsafeRawPointer(x.baseAddress!), ys = UnsafeRawPointer(y.baseAddress!)
        let idealsStart = UnsafeRawPointer(ideals.baseAddress!), weightsStart = UnsafeRawPointer(weights.baseAddress!)
        let xi = SIMD4<Double>(repeating: x[i]), yi = SIMD4<Double>(repeating: y[i])
        let least = SIMD4<Double>(repeating: 1e-9)
        while j + 4 <= others.upperBound {
            let xj = xs.loadUnaligned(fromByteOffset: j * stride, as: SIMD4<Double>.self)
            let yj = ys.loadUnaligned(fromByteOffset: j * stride, as: SIMD4<Double>.self)
            let ideal = idealsStart.loadUnaligned(fromByteOffset: (row + j) * stride, as: SIMD4<Double>.self)
            let weight = weightsStart.loadUnaligned(fromByteOffset: (row + j) * stride, as: SIMD4<Double>.self)
            let dx = xi - xj, dy = yi - yj
            let distance = (dx * dx + dy * dy).squareRoot()
            let actual = distance.replacing(with: least, where: distance .< least)
            let pullX = weight * (xj + ideal * dx / actual)
            let pullY = weight * (yj + ideal * dy / actual)
            for lane in 0..<4 {
                sumX += pullX[lane]
                sumY += pullY[lane]
                weightSum += weight[lane]
            }
            j += 4
        }
        while j < others.upperBound {
            let ideal = ideals[row + j], weight = weights[row + j]
            let dx = x[i] - x[j], dy = y[i] - y[j]
            let actual = max((dx * dx + dy * dy).squareRoot(), 1e-9)
            sumX += weight * (x[j] + ideal * dx / actual)
            sumY += weight * (y[j] + ideal * dy / actual)
            weightSum += weight
            j += 1
        }
    }

    /// How many times a drawing whose boxes still overlap after `separate` is spread by a quarter and pushed again.
    static let spreadsWhileCrowded = 8

    /// Pushes overlapping boxes apart along the axis where they overlap least, in a fixed order, until none
    /// overlaps or the rounds run out; returns whether none overlaps.
    @discardableResult
    static func separate(x: inout [Double], y: inout [Double], widths: [Double], heights: [Double], rounds: Int = 300) -> Bool {
        let count = x.count
        return x.withUnsafeMutableBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                widths.withUnsafeBufferPointer { widths in
                    heights.withUnsafeBufferPointer { heights in
                        for _ in 0..<rounds {
                            var moved = false
                            for i in 0..<count {
                                var j = i + 1
                                while j < count {
                                    // Most pairs are apart across: skip those four at a time, then test the first
                                    // that may not be, with the positions as they are now.
                                    j = Self.firstOverlappingAcross(from: j, of: i, x: x, widths: widths)
                                    guard j < count else { break }
                                    defer { j += 1 }
                                    let overlapX = (widths[i] + widths[j]) / 2 - abs(x[i] - x[j])
                                    guard overlapX > 0 else { continue }
                                    let overlapY = (heights[i] + heights[j]) / 2 - abs(y[i] - y[j])
                                    guard overlapY > 0 else { continue }
                                    moved = true
                                    if overlapY <= overlapX {
                                        let push = overlapY / 2 + 0.01
                                        let direction: Double = y[i] >= y[j] ? 1 : -1
                                        y[i] += push * direction
                                        y[j] -= push * direction
                                    } else {
                                        let push = overlapX / 2 + 0.01
                                        let direction: Double = x[i] >= x[j] ? 1 : -1
                                        x[i] += push * direction
                                        x[j] -= push * direction
                                    }
                                }
                            }
                            if !moved { return true }
                        }
                        return false
                    }
                }
            }
        }
    }

    /// The first `j` from `start` whose box overlaps box `i` across (the first test of `separate`, to the same
    /// bits), or `x.count`: four boxes at a time.
    @inline(__always)
    private static func firstOverlappingAcross(from start: Int, of i: Int, x: UnsafeMutableBufferPointer<Double>,
                                               widths: UnsafeBufferPointer<Double>) -> Int {
        let count = x.count
        var j = start
        let xi = SIMD4<Double>(repeating: x[i]), widthI = SIMD4<Double>(repeating: widths[i])
        let xs = UnsafeRawPointer(x.baseAddress!), ws = UnsafeRawPointer(widths.baseAddress!)
        let stride = MemoryLayout<Double>.stride
        while j + 4 <= count {
            let xj = xs.loadUnaligned(fromByteOffset: j * stride, as: SIMD4<Double>.self)
            let widthJ = ws.loadUnaligned(fromByteOffset: j * stride, as: SIMD4<Double>.self)
            let difference = xi - xj
            let overlap = (widthI + widthJ) / 2 - difference.replacing(with: -difference, where: difference .< 0)
            if any(overlap .> 0) { break }
            j += 4
        }
        while j < count, (widths[i] + widths[j]) / 2 - abs(x[i] - x[j]) <= 0 { j += 1 }
        return j
    }

    /// Starting positions by classical multidimensional scaling, as neato starts: the two leading eigenvectors
    /// (by power iteration from fixed vectors) of the double-centred squared graph distances, so the stress
    /// rounds begin near a good layout instead of settling in a poor one from a circle.
    static func classicalScaling(_ distances: [[Int]], step: Double) -> ([Double], [Double]) {
        let count = distances.count
        guard count > 2 else {
            return ((0..<count).map { Double($0) * step }, [Double](repeating: 0, count: count))
        }
        // One flat row-major matrix: the power rounds below read it count² times each.
        var matrix = [Double](repeating: 0, count: count * count)
        for i in 0..<count {
            for j in 0..<count { matrix[i * count + j] = Double(distances[i][j] * distances[i][j]) * step * step }
        }
        var rowMeans = [Double](repeating: 0, count: count)
        for i in 0..<count { rowMeans[i] = matrix[(i * count)..<(i * count + count)].reduce(0, +) / Double(count) }
        let total = rowMeans.reduce(0, +) / Double(count)
        for i in 0..<count {
            for j in 0..<count { matrix[i * count + j] = -0.5 * (matrix[i * count + j] - rowMeans[i] - rowMeans[j] + total) }
        }
        func leading(excluding other: [Double]?) -> (vector: [Double], value: Double) {
            var vector = (0..<count).map { index -> Double in
                let phase = Double(index) * (other == nil ? 0.7 : 1.3)
                return sin(phase) + 0.5
            }
            var value = 0.0
            var next = [Double](repeating: 0, count: count)
            for _ in 0..<200 {
                if let other {
                    let projection = zip(vector, other).reduce(0) { $0 + $1.0 * $1.1 }
                    vector = zip(vector, other).map { $0 - projection * $1 }
                }
                matrix.withUnsafeBufferPointer { matrix in
                    vector.withUnsafeBufferPointer { vector in
                        next.withUnsafeMutableBufferPointer { next in
                            // Four rows at a time: each row is still summed in order, to the same bits, but four
                            // sums run side by side instead of each waiting on its last addition.
                            var i = 0
                            while i + 4 <= count {
                                var sum0 = 0.0, sum1 = 0.0, sum2 = 0.0, sum3 = 0.0
                                let row = i * count
                                for j in 0..<count {
                                    let value = vector[j]
                                    sum0 += matrix[row + j] * value
                                    sum1 += matrix[row + count + j] * value
                                    sum2 += matrix[row + 2 * count + j] * value
                                    sum3 += matrix[row + 3 * count + j] * value
                                }
                                next[i] = sum0
                                next[i + 1] = sum1
                                next[i + 2] = sum2
                                next[i + 3] = sum3
                                i += 4
                            }
                            while i < count {
                                var sum = 0.0
                                let row = i * count
                                for j in 0..<count { sum += matrix[row + j] * vector[j] }
                                next[i] = sum
                                i += 1
                            }
                        }
                    }
                }
                let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 1e-12 else { break }
                value = norm
                vector = next.map { $0 / norm }
            }
            return (vector, value)
        }
        let first = leading(excluding: nil)
        let second = leading(excluding: first.vector)
        return (first.vector.map { $0 * first.value.squareRoot() }, second.vector.map { $0 * second.value.squareRoot() })
    }

    /// Fewer rounds for larger graphs, whose rounds cost more; stress settles within a few dozen.
    static func rounds(_ count: Int) -> Int { count <= 100 ? 300 : count <= 200 ? 150 : 80 }

    /// Steps between every two nodes (breadth-first); nodes in different parts count as one step further apart
    /// than the farthest two of a part, so the parts sit near each other.
    static func graphDistances(_ neighbours: [[Int]]) -> [[Int]] {
        let count = neighbours.count
        var distances = [[Int]](repeating: [Int](repeating: -1, count: count), count: count)
        var farthest = 1
        for source in 0..<count {
            distances[source][source] = 0
            var queue = [source]
            var head = 0
            while head < queue.count {
                let current = queue[head]
                head += 1
                for next in neighbours[current] where distances[source][next] < 0 {
                    distances[source][next] = distances[source][current] + 1
                    farthest = max(farthest, distances[source][next])
                    queue.append(next)
                }
            }
        }
        for i in 0..<count {
            for j in 0..<count where distances[i][j] < 0 { distances[i][j] = farthest + 1 }
        }
        return distances
    }
}
