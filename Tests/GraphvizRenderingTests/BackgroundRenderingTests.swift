@testable import GraphvizRendering
import Foundation
import XCTest

/// Pins that a map's `_background` is drawn in every format, that its SVG elements are grouped by country, and
/// that a map renders to the same bytes twice.
final class BackgroundRenderingTests: XCTestCase {
    /// Two countries (one of two parts), a border, a name: the shape of what the map views write, in `nop2` form.
    static func map(background: Bool = true, groups: String = "(basemap sea=1 country.country-KGZ=1 country.country-UZB=2 borders=1 country-names=1 )") -> String {
        let drawing = "c 11 -transparent C 7 -#ddeaf3 P 4 0 0 400 0 400 300 0 300 "
            + "C 7 -#e9f0dc P 4 20 20 200 20 200 200 20 200 "
            + "C 7 -#f2e6e0 P 3 210 20 380 20 300 200 P 3 90 90 110 90 100 110 "
            + "c 7 -#8f887c L 2 200 20 200 200 F 8 11 -DejaVu Sans c 7 -#8e8779 T 100 150 0 60 10 -KYRGYZSTAN "
        let attributes = background ? "_background=\"\(drawing)\", comment=\"relmap-svg-groups \(groups)\", " : ""
        return """
        digraph map { graph [\(attributes)splines=false];
          corner1 [shape=point, style=invis, width=0.01, pos="0,0!"]; corner2 [shape=point, style=invis, width=0.01, pos="400,300!"];
          bishkek [shape=circle, label="", width=0.15, fixedsize=true, pos="150,120!"];
          tashkent [shape=circle, label="", width=0.15, fixedsize=true, pos="260,80!"];
          bishkek -> tashkent;
        }

        """
    }

    func testTheBackgroundIsDrawnInSVGPNGAndPDF() throws {
        let with = try InProcessRenderer.render(TestSupport.job("with", Self.map(), engine: .nop2, formats: [.svg, .png, .pdf]))
        let without = try InProcessRenderer.render(TestSupport.job("without", Self.map(background: false), engine: .nop2, formats: [.svg, .png, .pdf]))
        let svg = TestSupport.svg(with)
        XCTAssertTrue(svg.contains("<polygon fill=\"#e9f0dc\""), "the country is in the SVG")
        XCTAssertTrue(svg.contains(">KYRGYZSTAN</text>"))
        XCTAssertNotEqual(with.outputs[.png], without.outputs[.png], "cairo draws the background into the PNG")
        XCTAssertNotEqual(with.outputs[.pdf]?.count, without.outputs[.pdf]?.count, "and into the PDF")
        XCTAssertEqual(with.warnings, [])
    }

    func testTheSVGGroupsTheBackgroundByCountryAndDropsTheComment() throws {
        let svg = TestSupport.svg(try InProcessRenderer.render(TestSupport.job("map", Self.map(), engine: .nop2)))
        XCTAssertFalse(svg.contains("relmap"), "the grouping comment is gone")
        XCTAssertTrue(svg.contains("<g class=\"basemap\">\n<g class=\"sea\">\n<polygon fill=\"#ddeaf3\""), svg)
        let uzbekistan = try XCTUnwrap(svg.range(of: "<g class=\"country country-UZB\">\n"))
        let rest = svg[uzbekistan.upperBound...]
        XCTAssertTrue(rest.hasPrefix("<polygon fill=\"#f2e6e0\""))
        XCTAssertEqual(rest.prefix(while: { _ in true }).components(separatedBy: "</g>")[0].components(separatedBy: "<polygon").count - 1, 2,
                       "both parts of Uzbekistan are in its group")
        XCTAssertTrue(svg.contains("<g class=\"country-names\">\n<text"))
        XCTAssertTrue(svg.contains("</g>\n</g>\n<!-- corner1 -->"), "the basemap group closes before the graph's nodes")
    }

    func testAGroupListThatDoesNotMatchTheDrawingLeavesTheSVGAsGraphvizWroteIt() throws {
        let svg = TestSupport.svg(try InProcessRenderer.render(TestSupport.job("map", Self.map(groups: "(basemap sea=9 )"), engine: .nop2)))
        XCTAssertFalse(svg.contains("<g class=\"basemap\">"))
        XCTAssertFalse(svg.contains("relmap"))
        XCTAssertTrue(svg.contains("<polygon fill=\"#e9f0dc\""))
        XCTAssertNil(SVGGroups.parse("(basemap sea=1"), "an unclosed group is refused")
        XCTAssertEqual(SVGGroups.parse("(basemap a.b=2 =1 )"), [.open("basemap"), .run("a b", 2), .run(nil, 1), .close])
    }

    func testAMapRendersToTheSameBytesTwice() throws {
        let first = try InProcessRenderer.render(TestSupport.job("a", Self.map(), engine: .nop2, formats: [.svg, .png, .pdf]))
        _ = try InProcessRenderer.render(TestSupport.job("b", TestSupport.generatedGraph(3), engine: .dot, formats: [.svg, .png]))
        let second = try InProcessRenderer.render(TestSupport.job("a", Self.map(), engine: .nop2, formats: [.svg, .png, .pdf]))
        XCTAssertEqual(first.outputs, second.outputs)
    }
}
