import Foundation
import RelationModel
import Views
import TestProcesses
import XCTest

/// Pins that the relation ids, statuses and years a diagram's lines carry in their DOT class can be selected
/// with gvpr, as docs/site.md shows: one relation's lines, one status, and the lines in force in a year
/// (scripts/gvpr/in-force.gvpr).
final class GvprSelectionTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The overview of the bundled model, where lines merge several relations.
    func overview() throws -> (model: RelationModel, dot: String) {
        let model = try ModelLoader.load(path: Self.repository.appendingPathComponent("model").path).model
        let diagram = try XCTUnwrap(ViewCatalog.diagram(try XCTUnwrap(ViewCatalog.view(named: "overview")), of: model,
                                                        options: ViewOptions(), links: LinkStyle()))
        return (model, diagram.dot)
    }

    /// gvpr's output for `arguments` with `dot` on its input; skips when gvpr is not installed.
    func gvpr(_ arguments: [String], _ dot: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gvpr") else { throw XCTSkip("gvpr is not installed (apt-get install graphviz)") }
        var gvpr = Subprocess("/usr/bin/gvpr", arguments)
        gvpr.input = Data(dot.utf8)
        let result = try gvpr.run()
        let complaints = result.stderrText
        XCTAssertEqual(result.status, 0, complaints)
        XCTAssertEqual(complaints, "")
        return result.stdoutText
    }

    /// Each line's class, one per output line.
    func classes(_ dot: String) throws -> [String] {
        try gvpr(["E{print(class)}"], dot).split(separator: "\n").map(String.init)
    }

    func testOneRelationsLinesAreSelectedByItsIdEvenInsideAMergedLine() throws {
        let (model, dot) = try overview()
        let all = try classes(dot)
        let merged = try XCTUnwrap(all.first { $0.contains(" merged ") })
        let relation = try XCTUnwrap(merged.split(separator: " ").filter { $0.hasPrefix("rel-") }.last)
        let selected = try gvpr(["E[class == \"@(* |)\(relation)@( *|)\"]{print(class)}"], dot).split(separator: "\n").map(String.init)
        XCTAssertFalse(selected.isEmpty)
        XCTAssertEqual(selected, all.filter { $0.split(separator: " ").contains(relation) })
        XCTAssertNotNil(model.relation(String(relation.dropFirst(4))))
    }

    func testAStatusIsSelectedByItsFactToken() throws {
        let (_, dot) = try overview()
        let all = try classes(dot)
        let planned = try gvpr(["E[class == \"*fact-planned-*\"]{print(class)}"], dot).split(separator: "\n").map(String.init)
        XCTAssertEqual(planned, all.filter { $0.contains("fact-planned-") })
        XCTAssertFalse(planned.isEmpty)
    }

    func testTheInForceScriptKeepsExactlyTheLinesWithARelationInForceThatYear() throws {
        let (model, dot) = try overview()
        let script = Self.repository.appendingPathComponent("scripts/gvpr/in-force.gvpr").path
        let all = try classes(dot)
        for year in [1996, 2006, 2014] {
            let kept = try classes(try gvpr(["-c", "-a", String(year), "-f", script], dot))
            let expected = all.filter { line in
                let ids = line.split(separator: " ").filter { $0.hasPrefix("rel-") }.map { String($0.dropFirst(4)) }
                return !line.contains("fact-") || ids.contains { model.relation($0)?.isInForce(in: year) == true }
            }
            XCTAssertEqual(kept.sorted(), expected.sorted(), "\(year)")
            XCTAssertLessThan(kept.count, all.count, "\(year)")
        }
    }
}
