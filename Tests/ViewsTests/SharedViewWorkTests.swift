import DOT
import Dispatch
import RelationModel
import Synchronization
@testable import Views
import XCTest

/// Pins that the work the diagrams of one model share (`SharedViewWork`) is done once and changes no diagram.
final class SharedViewWorkTests: XCTestCase {
    func testEveryYearsOverviewIsTheSameWithWorkSharedAsWithout() throws {
        let shared = SharedViewWork()
        for year in [nil, 2001, 2003, 2006, 2010, 2013] as [Int?] {
            let alone = try XCTUnwrap(OverviewView.diagram(of: SampleModel.model, options: ViewOptions(asOf: year), links: LinkStyle()))
            let sharing = try XCTUnwrap(OverviewView.diagram(of: SampleModel.model, options: ViewOptions(asOf: year, shared: shared),
                                                             links: LinkStyle()))
            XCTAssertEqual(DOTEncoder().encode(sharing.graph), DOTEncoder().encode(alone.graph), "as of \(year.map(String.init) ?? "every year")")
        }
    }

    func testASharedValueIsMadeOnceHoweverManyThreadsAskForIt() {
        let shared = SharedViewWork()
        let made = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let value = shared.value("answer") { () -> Int in
                made.withLock { $0 += 1 }
                return 42
            }
            XCTAssertEqual(value, 42)
        }
        XCTAssertEqual(made.withLock { $0 }, 1)
    }

    func testOptionsThatDifferOnlyInTheirSharedWorkAreEqual() {
        XCTAssertEqual(ViewOptions(asOf: 2001), ViewOptions(asOf: 2001, shared: SharedViewWork()))
        XCTAssertEqual(Set([ViewOptions(asOf: 2001), ViewOptions(asOf: 2001, shared: SharedViewWork())]).count, 1)
        XCTAssertNotEqual(ViewOptions(asOf: 2001), ViewOptions(asOf: 2002))
    }
}
