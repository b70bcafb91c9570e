import Foundation
import ParallelWork
import Synchronization
import XCTest

/// Pins that waiting work does a piece only once every key it waits for is released, and hands back the rest.
final class WaitingWorkTests: XCTestCase {
    func testAPieceIsDoneOnlyWhenAllItsKeysAreReleasedAndFinishHandsBackTheRest() {
        let done = Mutex<Set<Int>>([])
        let work = WaitingWork<String>(waitingFor: [[], ["a"], ["a", "b"], ["c"]], threadCount: 2, priority: .normal) { index in
            done.withLock { _ = $0.insert(index) }
        }
        work.release("a")
        let deadline = Date().addingTimeInterval(10)
        while done.withLock({ $0 }) != [0, 1], Date() < deadline { usleep(1000) }
        XCTAssertEqual(done.withLock { $0 }, [0, 1], "the piece that also waits for b is not done")
        XCTAssertEqual(work.finish(), [2, 3])
        XCTAssertEqual(done.withLock { $0 }, [0, 1])
    }

    func testCancellingDropsWhatIsNotTaken() {
        let done = Mutex(0)
        let work = WaitingWork<Int>(waitingFor: [[1], [2]], threadCount: 2, priority: .idle) { _ in done.withLock { $0 += 1 } }
        work.cancel()
        work.release(1)
        XCTAssertEqual(done.withLock { $0 }, 0)
    }

    func testNoPiecesNeedNoThreads() {
        XCTAssertEqual(WaitingWork<Int>(waitingFor: [], threadCount: 4, priority: .normal) { _ in }.finish(), [])
    }
}
