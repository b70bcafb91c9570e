import XCTest
@testable import ReportSite

/// Pins the link checker's attribute scan.
final class LinkScanTests: XCTestCase {
    func testTheScanFindsHrefSrcAndXlinkHrefAfterWhitespaceOnly() {
        let page = ##"<a href="a.html">x</a><img\##tsrc="b.svg"><a data-href="no.html" xlink:href="#c"></a><g id="d"><p class="href="></p>"##
        let links = LinkChecker.attributeValues(named: ["href", "src", "xlink:href"].map { Array($0.utf8) }, in: Array(page.utf8))
        XCTAssertEqual(links, ["a.html", "b.svg", "#c"])
        XCTAssertEqual(LinkChecker.attributeValues(named: [Array("id".utf8)], in: Array(page.utf8)), ["d"])
    }
}
