import ParallelWork
import Synchronization
import XCTest

/// Pins that a serial queue does every piece, one at a time, in the order they were added.
final class SerialQueueTests: XCTestCase {
    func testPiecesAddedFromManyThreadsAreDoneOneAtATimeAndAllBeforeFinishReturns() {
        let queue = SerialQueue()
        let log = Mutex((done: [Int](), running: 0, most: 0))
        let adding = DispatchGroup()
        for thread in 0..<4 {
            adding.enter()
            try! Scheduler.start {
                for piece in 0..<50 {
                    queue.add {
                        log.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
                        log.withLock { $0.done.append(thread * 100 + piece); $0.running -= 1 }
                    }
                }
                adding.leave()
            }
        }
        adding.wait()
        queue.finish()
        let (done, _, most) = log.withLock { $0 }
        XCTAssertEqual(done.count, 200)
        XCTAssertEqual(most, 1)
        for thread in 0..<4 {
            let own = done.filter { $0 / 100 == thread }
            XCTAssertEqual(own, own.sorted(), "each thread's pieces in the order it added them")
        }
    }

    func testFinishingAnEmptyQueueReturnsAtOnce() {
        SerialQueue().finish()
    }
}
