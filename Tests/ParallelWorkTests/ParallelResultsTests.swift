import Foundation
import ParallelWork
import Synchronization
import XCTest

/// Pins that parallel work keeps index order and never runs on more threads than `--jobs` allows.
final class ParallelResultsTests: XCTestCase {
    final class Concurrency: Sendable {
        private let state = Mutex((running: 0, most: 0))

        var most: Int { state.withLock { $0.most } }

        func enter() { state.withLock { $0.running += 1; $0.most = max($0.most, $0.running) } }
        func leave() { state.withLock { $0.running -= 1 } }
    }

    func results(count: Int, processors: Int, concurrency: Concurrency) -> [Int] {
        ParallelResults(count: count, processors: processors) { index in
            concurrency.enter()
            defer { concurrency.leave() }
            usleep(2000)
            return index * index
        }.values
    }

    func testTheLastValueIsComputedAsDeepInTheStackAsTheFirst() {
        // Each value's call must not pass through more frames than the one before it: a large site computes
        // tens of thousands of pages this way, and a call that grew with each value made the whole quadratic.
        let depths = ParallelResults(count: 2000, processors: 1) { _ in Thread.callStackReturnAddresses.count }.values
        XCTAssertEqual(depths.first, depths.last)
        XCTAssertEqual(Set(depths).count, 1)
    }

    func testOneProcessorComputesOneValueAtATimeInIndexOrder() {
        let concurrency = Concurrency()
        XCTAssertEqual(results(count: 40, processors: 1, concurrency: concurrency), (0..<40).map { $0 * $0 })
        XCTAssertEqual(concurrency.most, 1)
    }

    func testSeveralProcessorsNeverExceedTheirNumber() {
        let concurrency = Concurrency()
        XCTAssertEqual(results(count: 40, processors: 2, concurrency: concurrency), (0..<40).map { $0 * $0 })
        XCTAssertLessThanOrEqual(concurrency.most, 2)
    }
}
