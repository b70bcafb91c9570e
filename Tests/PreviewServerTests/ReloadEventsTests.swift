import Foundation
import PreviewServer
import XCTest

final class ReloadEventsTests: XCTestCase {
    func testASubscriberGetsTheStatusAtOnceThenEachBuildAndAReloadOnlyWhenAsked() async {
        let events = ReloadEvents(status: PreviewStatus(build: 1))
        var iterator = events.subscribe().makeAsyncIterator()
        XCTAssertEqual(events.subscriberCount, 1)
        let first = String(decoding: await iterator.next() ?? Data(), as: UTF8.self)
        XCTAssertEqual(first, "retry: 1000\n\nevent: status\ndata: {\"build\":1,\"errors\":[]}\n\n")

        events.publish(PreviewStatus(build: 1, failedStep: "Read the model", errors: ["m.yaml:1:1: error: x"]), reload: false)
        let failed = String(decoding: await iterator.next() ?? Data(), as: UTF8.self)
        XCTAssertTrue(failed.hasPrefix("event: status\ndata: {\"build\":1,\"errors\":[\"m.yaml:1:1: error: x\"],\"failedStep\":\"Read the model\"}\n\n"))
        XCTAssertFalse(failed.contains("event: reload"))

        events.publish(PreviewStatus(build: 2), reload: true)
        let rebuilt = String(decoding: await iterator.next() ?? Data(), as: UTF8.self)
        XCTAssertEqual(rebuilt, "event: status\ndata: {\"build\":2,\"errors\":[]}\n\nevent: reload\ndata: 2\n\n")
        XCTAssertEqual(events.status, PreviewStatus(build: 2))

        events.finishAll()
        let end = await iterator.next()
        XCTAssertNil(end)
        XCTAssertEqual(events.subscriberCount, 0)
    }
}
