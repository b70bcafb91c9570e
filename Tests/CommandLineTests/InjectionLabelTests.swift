import DOT
import Foundation
import XCTest

/// Labels that try to inject DOT, HTML or `javascript:` URLs are valid text: they must validate, build and draw,
/// and come out as harmless text.
final class InjectionLabelTests: XCTestCase {
    static let hostile = """
    sources:
      - {id: s, title: "<script>alert('t')</script>", publisher: "javascript:alert(1)", published: "2006", file: a.txt, url: "javascript:alert(1)"}
    actors:
      - {id: a, name: "\\"]; a -> b [", kind: state, iso3: AAA, location: {lat: 1, lon: 1}}
      - {id: b, name: "<script>alert(1)</script>", kind: state, iso3: BBB, location: {lat: 2, lon: 2}}
      - {id: c, name: "javascript:alert(1)", kind: organization, note: "<img src=x onerror=alert(1)>"}
      - {id: d, name: "}\\n digraph x { y -> z", kind: state, iso3: DDD, location: {lat: 3, lon: 3}, aliases: ["<b>bold</b>"]}
    relations:
      - {id: r, type: alliance, participants: [a, b], status: agreed, start: "2006", summary: "\\"]; x -> y [label=\\"pwn", evidence: [{source: s, paragraph: 1}]}
      - {id: m, type: membership, participants: [b, c], status: agreed, start: "2006", summary: "<script>alert(2)</script>", evidence: [{source: s, paragraph: 1}]}
      - {id: t, type: dispute, participants: [d, a], status: ongoing, start: "2006", summary: "-- \\\\\\\\ ->", evidence: [{source: s, paragraph: 1}]}
    """

    /// The same model with plain names, to count the edges a view should draw.
    static var benign: String {
        var text = hostile
        for (index, label) in ["\\\"]; a -> b [", "<script>alert(1)</script>", "javascript:alert(1)", "}\\n digraph x { y -> z",
                               "<b>bold</b>", "<img src=x onerror=alert(1)>", "\\\"]; x -> y [label=\\\"pwn", "<script>alert(2)</script>",
                               "-- \\\\\\\\ ->", "<script>alert('t')</script>"].enumerated() {
            text = text.replacingOccurrences(of: label, with: "Plain \(index)")
        }
        return text
    }

    func testHostileLabelsValidateClean() throws {
        let scratch = try Scratch()
        let result = try Relmap.run(["validate", try scratch.write("m.yaml", Self.hostile)])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("0 errors, 0 warnings\n"), result.stderr)
    }

    func testBenignVariantReplacesEveryHostileLabel() {
        XCTAssertFalse(Self.benign.contains("script"))
        XCTAssertFalse(Self.benign.contains("->"))
    }

    func testSitePagesShowHostileLabelsAsText() throws {
        try XCTSkipUnless(try Relmap.hasSubcommand("build"), "relmap build not available yet")
        let scratch = try Scratch()
        let result = try Relmap.run(["build", try scratch.write("m.yaml", Self.hostile), "--out", scratch.path("site"), "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let pages = try DirectorySnapshot(scratch.path("site")).files.filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".svg") }
        XCTAssertFalse(pages.isEmpty)
        for (name, data) in pages {
            let page = String(decoding: data, as: UTF8.self).lowercased()
            XCTAssertFalse(page.contains("<script>alert"), name)
            XCTAssertFalse(page.contains("<img src=x"), name)
            XCTAssertFalse(page.contains("<b>bold"), name)
            XCTAssertFalse(page.contains("href=\"javascript:"), name)
            XCTAssertFalse(page.contains("href='javascript:"), name)
            XCTAssertFalse(page.contains("xlink:href=\"javascript:"), name)
        }
    }

    func testDOTKeepsHostileLabelsInsideQuotedStringsAndAddsNoEdge() throws {
        try XCTSkipUnless(try Relmap.hasSubcommand("dot"), "relmap dot not available yet")
        let scratch = try Scratch()
        let hostile = try scratch.write("hostile.yaml", Self.hostile)
        let benign = try scratch.write("benign.yaml", Self.benign)
        let views = try Self.viewIDs().filter { $0 != "focus" }
        XCTAssertFalse(views.isEmpty)
        for view in views {
            let drawn = try Relmap.run(["dot", view, hostile])
            let plain = try Relmap.run(["dot", view, benign])
            XCTAssertEqual(drawn.status, plain.status, "\(view): \(drawn.stderr)")
            guard drawn.status == 0 else { continue }
            let tokens = try XCTUnwrap(DOTLexicalScan(drawn.stdout), "\(view): a quoted string or HTML label is left open")
            let plainTokens = try XCTUnwrap(DOTLexicalScan(plain.stdout), view)
            XCTAssertEqual(tokens.count(of: "->") + tokens.count(of: "--"), plainTokens.count(of: "->") + plainTokens.count(of: "--"),
                           "\(view): an injected label added an edge")
            XCTAssertEqual(tokens.count(of: ";") + tokens.count(of: "\n"), plainTokens.count(of: ";") + plainTokens.count(of: "\n"),
                           "\(view): an injected label added a statement")
            for bare in ["script", "alert", "javascript", "digraph x", "pwn"] {
                XCTAssertFalse(tokens.outside.contains(bare), "\(view): '\(bare)' outside a quoted string")
            }
            XCTAssertFalse(tokens.htmlLabels.contains { $0.contains("<script") || $0.contains("<img") }, view)
        }
    }

    /// The view names `relmap dot --help` lists after "Views:".
    static func viewIDs() throws -> [String] {
        let help = try Relmap.run(["dot", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        guard let range = help.range(of: #"Views: [a-z0-9, -]+"#, options: .regularExpression) else { return [] }
        return help[range].dropFirst("Views: ".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
