import Foundation
import PreviewServer
import XCTest

final class LiveReloadTests: XCTestCase {
    func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    func testTheScriptGoesBeforeTheLastClosingBodyTagOrAtTheEnd() {
        let page = "<html><body><p>&lt;/body&gt;</p></BODY></html>"
        let injected = text(LiveReload.inject(into: Data(page.utf8), status: PreviewStatus(build: 3)))
        XCTAssertTrue(injected.hasPrefix("<html><body><p>&lt;/body&gt;</p>\(LiveReload.marker)"))
        XCTAssertTrue(injected.hasSuffix("</script>\n</BODY></html>"))
        XCTAssertTrue(injected.contains("var build = 3;"))
        XCTAssertTrue(injected.contains("new EventSource(\"/_relmap/events\")"))
        XCTAssertFalse(injected.contains(LiveReload.overlayID + "\" role"), "no overlay without errors")

        let fragment = text(LiveReload.inject(into: Data("<p>no body</p>".utf8), status: PreviewStatus(build: 1)))
        XCTAssertTrue(fragment.hasPrefix("<p>no body</p>\(LiveReload.marker)"))
    }

    func testTheOverlayListsTheErrorsAsTextNeverAsMarkup() {
        let status = PreviewStatus(build: 2, failedStep: "Read the model",
                                   errors: ["model/a.yaml:3:7: error: unknown actor '<script>alert(1)</script>' & more"])
        let injected = text(LiveReload.inject(into: Data("<body></body>".utf8), status: status))
        XCTAssertTrue(injected.contains("<div id=\"\(LiveReload.overlayID)\" role=\"alert\""))
        XCTAssertTrue(injected.contains("model/a.yaml:3:7: error: unknown actor '&lt;script&gt;alert(1)&lt;/script&gt;' &amp; more"))
        XCTAssertFalse(injected.contains("<script>alert(1)"))
        XCTAssertTrue(injected.contains("“Read the model”"))
    }
}
