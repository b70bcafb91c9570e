@testable import GraphvizRendering
import Foundation
import Synchronization
import XCTest

/// Pins the worker pool: order, crash graphs, crashed and killed workers, time limits, recycling.
final class RendererPoolTests: XCTestCase {
    func testEachResultIsDeliveredOnceWithItsIndexAsSoonAsItIsKnown() throws {
        let jobs = (0..<6).map { TestSupport.job("g\($0)", TestSupport.generatedGraph($0)) }
        let renderer = Renderer(settings: TestSupport.settings(workers: 2))
        defer { renderer.shutdown() }
        let deliveries = Mutex<[Int: String]>([:])
        let results = renderer.render(jobs, deliver: { index, result in
            deliveries.withLock { delivered in
                XCTAssertNil(delivered[index])
                delivered[index] = try? result.get().id
            }
        })
        let delivered = deliveries.withLock { $0 }
        XCTAssertEqual(delivered, Dictionary(uniqueKeysWithValues: results.enumerated().map { ($0.offset, try! $0.element.get().id) }))
        XCTAssertEqual(delivered.count, 6)
    }

    func testResultsComeBackInJobOrderWithProgressForEveryJob() {
        let jobs = (0..<8).map { TestSupport.job("g\($0)", TestSupport.generatedGraph($0)) }
        let renderer = Renderer(settings: TestSupport.settings(workers: 2))
        defer { renderer.shutdown() }
        let reports = Mutex<(done: [Int], ids: Set<String>)>(([], []))
        let results = renderer.render(jobs) { done, total, id in
            XCTAssertEqual(total, 8)
            reports.withLock { reports in
                reports.done.append(done)
                reports.ids.insert(id)
            }
        }
        XCTAssertEqual(results.compactMap { try? $0.get().id }, jobs.map(\.id))
        XCTAssertEqual(reports.withLock { $0.done }, Array(1...8))
        XCTAssertEqual(reports.withLock { $0.ids }, Set(jobs.map(\.id)))
    }

    func testTheGraphsThatCrashGvFreeLayoutRenderThroughThePool() throws {
        let graphs = try TestSupport.freeLayoutCrashFixtures.map {
            try String(contentsOfFile: TestSupport.fixture($0), encoding: .utf8)
        }
        let jobs = (0..<10).flatMap { index in
            [TestSupport.job("a\(index)", graphs[0], formats: [.svg, .png, .pdf]), TestSupport.job("b\(index)", graphs[1])]
        }
        let renderer = Renderer(settings: TestSupport.settings(workers: 2, jobsPerWorker: 8))
        defer { renderer.shutdown() }
        for result in renderer.render(jobs) {
            let diagram = try result.get()
            XCTAssertFalse(diagram.usedFallback)
            XCTAssertTrue(TestSupport.svg(diagram).contains("</svg>"))
        }
    }

    func testAJobThatAlwaysCrashesItsWorkerFailsAfterTwoFreshWorkersAndTheRestSucceed() {
        let jobs = ["a", "boom", "b", "c", "d"].map { TestSupport.job($0, "digraph { \($0) -> z }") }
        let settings = TestSupport.settings(workers: 2, environment: [WorkerTestHooks.crashVariable: "boom"])
        let renderer = Renderer(settings: settings)
        defer { renderer.shutdown() }
        let results = renderer.render(jobs)
        XCTAssertEqual(results[1].failureMessage, "Graphviz crashed 3 times laying out boom with dot, the last 2 in a fresh worker: SIGSEGV")
        for index in [0, 2, 3, 4] {
            XCTAssertEqual(try? results[index].get().id, jobs[index].id)
        }
    }

    func testJobsSentAheadAreAnsweredOnceAndNotSentAgain() throws {
        let worker = try WorkerProcess(command: TestSupport.settings().workerCommand, environment: [:])
        defer { worker.stop() }
        let (a, b, c) = (TestSupport.job("a", "digraph { a }"), TestSupport.job("b", "digraph { b }"), TestSupport.job("c", "digraph { c }"))
        guard case .replied(let first) = worker.run([a], sendingAhead: [b], timeout: 30).first else { return XCTFail("no reply to a") }
        XCTAssertEqual(first.id, "a")
        XCTAssertTrue(worker.isRunning([b]))
        guard case .replied(let second) = worker.run([b], timeout: 30).first else { return XCTFail("no reply to b") }
        XCTAssertEqual(second.id, "b")
        XCTAssertFalse(worker.hasUnansweredJobs)
        // Had b been sent twice, its second reply would be taken as c's and refused as malformed.
        guard case .replied(let third) = worker.run([c], timeout: 30).first else { return XCTFail("no reply to c") }
        XCTAssertEqual(third.id, "c")
        XCTAssertEqual(worker.jobsDone, 3)
    }

    func testAWorkerGetsAJobWithoutItsDOTSourceAsAFormatAndTheReplyHasItFromTheJob() throws {
        let job = TestSupport.job("a", "digraph { a -> b }", formats: [.svg, .dot])
        XCTAssertEqual(try WorkerFrame.decodeJob(WorkerFrame.encode(job.forWorker).dropFirst(4)).formats, [.svg])
        let worker = try WorkerProcess(command: TestSupport.settings().workerCommand, environment: [:])
        defer { worker.stop() }
        guard case .replied(let reply) = worker.run([job], timeout: 30).first else { return XCTFail("no reply") }
        let drawn = try reply.result.get()
        XCTAssertEqual(drawn.outputs[.dot], Data(job.dot.utf8))
        XCTAssertEqual(drawn.outputs.keys.sorted { $0.rawValue < $1.rawValue }, [.dot, .svg])
    }

    func testJobsSentAheadToAWorkerThatCrashedAreDrawnByTheNextWorker() {
        let jobs = (0..<40).map { TestSupport.job("g\($0)", "digraph { n\($0) }") }
        let settings = TestSupport.settings(workers: 1, environment: [WorkerTestHooks.crashVariable: "g5,g20"])
        let renderer = Renderer(settings: settings)
        defer { renderer.shutdown() }
        let results = renderer.render(jobs)
        for index in jobs.indices {
            if [5, 20].contains(index) {
                XCTAssertEqual(results[index].failureMessage?.hasPrefix("Graphviz crashed 3 times laying out g\(index)"), true)
            } else {
                XCTAssertEqual(try? results[index].get().id, jobs[index].id)
            }
        }
    }

    func testAJobThatCrashesWithItsEngineIsNeverDrawnWithItsFallbackEngine() throws {
        var job = TestSupport.job("boom", "digraph { boom -> z }")
        job.engine = .twopi
        job.fallbackEngine = .sfdp
        let settings = TestSupport.settings(workers: 1, environment: [WorkerTestHooks.crashVariable: "boom@twopi"])
        let renderer = Renderer(settings: settings)
        defer { renderer.shutdown() }
        XCTAssertEqual(renderer.render([job])[0].failureMessage,
                       "Graphviz crashed 3 times laying out boom with twopi, the last 2 in a fresh worker: SIGSEGV")
    }

    func testAJobThatCrashedAUsedWorkerIsDrawnInAFreshOneWithItsOwnEngine() throws {
        var job = TestSupport.job("boom", "digraph { boom -> z }")
        job.engine = .twopi
        job.fallbackEngine = .sfdp
        // The worker crashes on the job only after it has drawn another: as twopi does on some heaps.
        let settings = TestSupport.settings(workers: 1, environment: [WorkerTestHooks.crashVariable: "boom@twopi+used"])
        let renderer = Renderer(settings: settings)
        defer { renderer.shutdown() }
        let results = renderer.render([TestSupport.job("first", "digraph { f }"), TestSupport.job("second", "digraph { g }"), job])
        let diagram = try XCTUnwrap(try? results[2].get())
        XCTAssertFalse(diagram.usedFallback)
        XCTAssertEqual(diagram.engineUsed, .twopi)
    }

    func testAWorkerKilledMidJobIsReplacedAndTheJobSucceedsOnRetry() throws {
        let settings = TestSupport.settings(workers: 1, environment: [WorkerTestHooks.sleepVariable: "slow=1.5"])
        let renderer = Renderer(settings: settings)
        defer { renderer.shutdown() }
        _ = renderer.render([TestSupport.job("warm-up", "digraph { w }")])
        let firstWorker = try XCTUnwrap(renderer.workerProcessIDs.first)
        let killer = Thread {
            Thread.sleep(forTimeInterval: 0.5)
            kill(firstWorker, SIGKILL)
        }
        killer.start()
        let results = renderer.render([TestSupport.job("slow", "digraph { s -> t }"), TestSupport.job("after", "digraph { u }")])
        XCTAssertTrue(TestSupport.svg(try results[0].get()).contains("<title>s</title>"))
        XCTAssertNoThrow(try results[1].get())
        XCTAssertNotEqual(renderer.workerProcessIDs.first, firstWorker)
    }

    func testAJobPastTheTimeLimitIsRetriedWithItsFallbackEngine() throws {
        let settings = TestSupport.settings(workers: 1, timeoutSeconds: 1, environment: [WorkerTestHooks.sleepVariable: "slow@dot=30"])
        let renderer = Renderer(settings: settings)
        defer { renderer.shutdown() }
        let started = Date()
        let results = renderer.render([TestSupport.job("slow", "digraph { s -> t }", fallback: .sfdp), TestSupport.job("quick", "digraph { q }")])
        let diagram = try results[0].get()
        XCTAssertTrue(diagram.usedFallback)
        XCTAssertEqual(diagram.engineUsed, .sfdp)
        XCTAssertEqual(diagram.warnings.first, "layout with dot timed out after 1 s; used sfdp instead")
        XCTAssertEqual(try results[1].get().engineUsed, .dot)
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
    }

    func testAJobPastTheTimeLimitWithoutFallbackFailsClearly() {
        let settings = TestSupport.settings(workers: 1, timeoutSeconds: 1, environment: [WorkerTestHooks.sleepVariable: "slow=30"])
        let renderer = Renderer(settings: settings)
        defer { renderer.shutdown() }
        let results = renderer.render([TestSupport.job("slow", "digraph { s }"), TestSupport.job("quick", "digraph { q }")])
        XCTAssertEqual(results[0].failureMessage, "layout with dot timed out after 1 s; the worker was stopped and the job has no fallback engine")
        XCTAssertNoThrow(try results[1].get())
    }

    func testAFallbackThatAlsoTimesOutFailsNamingBothEngines() {
        let settings = TestSupport.settings(workers: 1, timeoutSeconds: 0.5, environment: [WorkerTestHooks.sleepVariable: "slow=30"])
        let renderer = Renderer(settings: settings)
        defer { renderer.shutdown() }
        let results = renderer.render([TestSupport.job("slow", "digraph { s }", fallback: .sfdp)])
        XCTAssertEqual(results[0].failureMessage, "layout timed out after 0.5 s with dot and again with sfdp")
    }

    func testWorkersAreReplacedAfterTheirJobAllowanceByAWorkerStartedAhead() throws {
        let renderer = Renderer(settings: TestSupport.settings(workers: 1, jobsPerWorker: 2))
        defer { renderer.shutdown() }
        var workers: [[Int32]] = []
        for index in 0..<3 {
            let results = renderer.render([TestSupport.job("g\(index)", "digraph { n\(index) }")])
            XCTAssertNoThrow(try results[0].get())
            workers.append(renderer.workerProcessIDs)
        }
        let first = try XCTUnwrap(workers[0].first)
        let second = try XCTUnwrap(workers[1].first)
        XCTAssertEqual(workers, [[first], [second], [second]])
        XCTAssertNotEqual(first, second)
        let deadline = Date().addingTimeInterval(5)
        while kill(first, 0) == 0, Date() < deadline { usleep(10_000) }
        XCTAssertEqual(kill(first, 0), -1, "the spent worker ends")
    }

    func testJobsSentTogetherComeBackInOrderAcrossWorkerReplacements() {
        let renderer = Renderer(settings: TestSupport.settings(workers: 1, jobsPerWorker: 2))
        defer { renderer.shutdown() }
        let jobs = (0..<7).map { TestSupport.job("g\($0)", "digraph { n\($0) }") }
        let results = renderer.render(jobs)
        XCTAssertEqual(results.compactMap { try? $0.get().id }, jobs.map(\.id))
    }

    func testSmallJobsGoTogetherInTripsThatShrinkAsTheBatchEndsSoTwoWorkersFinishTogether() {
        func trips(jobs count: Int, workers: Int) -> [Int] {
            let jobs = (0..<count).map { TestSupport.job("g\($0)", "digraph { n\($0) }") }
            let batch = Batch(jobs: jobs, workers: workers, progress: nil, deliver: nil)
            var sizes: [Int] = []
            while case let taken = batch.takeNext(), !taken.isEmpty { sizes.append(taken.count) }
            return sizes
        }
        XCTAssertEqual(trips(jobs: 32, workers: 2), [8, 6, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1])
        let alone = trips(jobs: 300, workers: 1)
        XCTAssertEqual(alone.first, Renderer.jobsSentTogether)
        XCTAssertEqual(alone.reduce(0, +), 300)
        XCTAssertEqual(alone, alone.sorted(by: >))
    }

    func testWorkersAreReplacedWhenTheirMemoryExceedsTheLimitOnceTheJobsSentAheadAreAnswered() {
        let renderer = Renderer(settings: TestSupport.settings(workers: 1, maximumWorkerMemoryMB: 0))
        defer { renderer.shutdown() }
        let workersAfterEachJob = Mutex<[Int]>([])
        _ = renderer.render((0..<3).map { TestSupport.job("g\($0)", "digraph { n\($0) }") }) { _, _, _ in
            let workers = renderer.workerProcessIDs.count
            workersAfterEachJob.withLock { $0.append(workers) }
        }
        // g1 went to the first worker before g0's reply said it was over the limit; nothing more was sent to it.
        XCTAssertEqual(workersAfterEachJob.withLock { $0 }, [1, 0, 0])
    }

    func testAMissingWorkerProgramFailsEveryJobWithAMessage() {
        var settings = TestSupport.settings(workers: 1)
        settings.workerCommand = ["/nonexistent/relmap", "render-worker"]
        let renderer = Renderer(settings: settings)
        let results = renderer.render([TestSupport.job("a", "digraph { a }")])
        XCTAssertEqual(results[0].failureMessage, "cannot start the render worker /nonexistent/relmap: No such file or directory")
    }

    func testARendererMadeNotToStartItsWorkersStartsOneWithItsFirstJob() throws {
        let renderer = Renderer(settings: TestSupport.settings(workers: 2), startingWorkers: false)
        defer { renderer.shutdown() }
        XCTAssertEqual(renderer.workerProcessIDs, [])
        XCTAssertNoThrow(try renderer.render([TestSupport.job("a", "digraph { a }")])[0].get())
        XCTAssertEqual(renderer.workerProcessIDs.count, 1)
    }

    func testShutdownStopsEveryWorker() {
        let renderer = Renderer(settings: TestSupport.settings(workers: 2))
        _ = renderer.render((0..<4).map { TestSupport.job("g\($0)", "digraph { n\($0) }") })
        let workers = renderer.workerProcessIDs
        XCTAssertEqual(workers.count, 2)
        renderer.shutdown()
        XCTAssertEqual(renderer.workerProcessIDs, [])
        for worker in workers {
            XCTAssertEqual(kill(worker, 0), -1)
        }
    }
}
