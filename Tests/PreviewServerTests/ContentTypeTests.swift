import PreviewServer
import XCTest

final class ContentTypeTests: XCTestCase {
    func testEveryKindOfFileASiteHoldsGetsItsMediaType() {
        XCTAssertEqual(ContentType.of("index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(ContentType.of("assets/style.css"), "text/css; charset=utf-8")
        XCTAssertEqual(ContentType.of("assets/site.js"), "text/javascript; charset=utf-8")
        XCTAssertEqual(ContentType.of("diagrams/overview.svg"), "image/svg+xml")
        XCTAssertEqual(ContentType.of("diagrams/overview.PNG"), "image/png")
        XCTAssertEqual(ContentType.of("diagrams/overview.pdf"), "application/pdf")
        XCTAssertEqual(ContentType.of("search.json"), "application/json")
        XCTAssertEqual(ContentType.of("diagrams/overview.dot"), "text/vnd.graphviz; charset=utf-8")
        XCTAssertEqual(ContentType.of("diagrams/overview"), "application/octet-stream")
        XCTAssertEqual(ContentType.of(".hidden"), "application/octet-stream")
    }
}
