import ModelSynthesis
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

    func testTheScanFindsWhatAWalkOverEveryWhitespaceFinds() {
        let names = ["href", "src", "xlink:href", "id"].map { Array($0.utf8) }
        var generator = SplitMix64(seed: 42)
        let pieces = [" ", "\t", "\n", "=", "\"", "href", "src", "id", "xlink:href", "a", "<", ">", "#x", "=\""]
        for _ in 0..<500 {
            let page = Array((0..<60).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
            XCTAssertEqual(LinkChecker.attributeValues(named: names, in: page), walk(names, page), String(decoding: page, as: UTF8.self))
        }
    }

    func testARecheckTakesOnlyTheLinksAChangedPageAlreadyHadIntoUnchangedPagesOnTrust() {
        let page = Data(#"<a href="b.html#kept"></a><a href="b.html#added"></a><a href="c.html#kept"></a>"#.utf8)
        let site = Site(files: ["a.html": page, "b.html": Data("<p></p>".utf8), "c.html": Data("<p></p>".utf8)])
        let recheck = LinkChecker.Recheck(pages: ["a.html"], unchangedPages: ["b.html"],
                                          earlierLinks: ["a.html": ["b.html#kept", "c.html#kept"]])
        XCTAssertEqual(LinkChecker(site: site).problems(in: recheck).map(\.link), ["b.html#added", "c.html#kept"],
                       "a new link is checked, and so is any link into a page that changed")
        XCTAssertEqual(LinkChecker(site: site).problems(onPages: ["a.html"]).count, 3)
    }

    /// The scan as a walk over every whitespace byte, the plain statement of what it finds.
    private func walk(_ names: [[UInt8]], _ bytes: [UInt8]) -> [String] {
        var values: [String] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == 0x20 || (0x09...0x0D).contains(byte) else { continue }
            for name in names where index + name.count + 2 <= bytes.count && bytes[index + name.count] == UInt8(ascii: "=")
                && bytes[index + name.count + 1] == UInt8(ascii: "\"") && bytes[index..<(index + name.count)].elementsEqual(name) {
                let start = index + name.count + 2
                guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return values }
                values.append(String(decoding: bytes[start..<end], as: UTF8.self))
                index = end + 1
                break
            }
        }
        return values
    }
}
