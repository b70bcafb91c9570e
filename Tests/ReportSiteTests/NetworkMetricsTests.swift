import Foundation
import RelationModel
import XCTest
@testable import ReportSite

final class NetworkMetricsTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    private func model(_ edges: [(String, String)]) -> RelationModel {
        let ids = Set(edges.flatMap { [$0.0, $0.1] }).sorted()
        return RelationModel(
            sources: [],
            actors: ids.map { Actor(id: $0, name: $0.uppercased(), kind: .state, location: here) },
            relations: edges.enumerated().map { index, edge in
                Relation(id: "r\(index)", type: .alliance, participants: [edge.0, edge.1], status: .agreed, summary: "s", evidence: [], location: here)
            })
    }

    func testFiguresKeptInACacheFolderAreReadBackWhileTheLinksStayAndComputedAgainWhenTheyChange() throws {
        let folder = try temporaryFolder()
        let edges = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "a"), ("c", "f"), ("f", "g"), ("g", "h")]
        let fresh = NetworkMetrics(model: model(edges))
        let first = NetworkMetrics(model: model(edges), cacheFolder: folder)
        XCTAssertEqual(first.betweenness, fresh.betweenness)
        XCTAssertEqual(first.bloc, fresh.bloc)
        let read = NetworkMetrics(model: model(edges), cacheFolder: folder)
        XCTAssertEqual(read.betweenness, fresh.betweenness, "every bit survives the file")
        XCTAssertEqual(read.bloc, fresh.bloc)

        // A figure altered in the file comes back, which shows it was read and not computed.
        let path = folder + "/" + NetworkMetrics.cacheFile
        var saved = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var betweenness = try XCTUnwrap(saved["betweenness"] as? [String: Double])
        betweenness["a"] = 0.75
        saved["betweenness"] = betweenness
        try JSONSerialization.data(withJSONObject: saved).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(NetworkMetrics(model: model(edges), cacheFolder: folder).betweenness["a"], 0.75)

        let relinked = edges + [("h", "a")]
        XCTAssertEqual(NetworkMetrics(model: model(relinked), cacheFolder: folder).betweenness,
                       NetworkMetrics(model: model(relinked)).betweenness)
    }

    func testTheMiddleOfAPathLiesOnEveryShortestPath() {
        let metrics = NetworkMetrics(model: model([("a", "b"), ("b", "c")]))
        XCTAssertEqual(metrics.degree, ["a": 1, "b": 2, "c": 1])
        XCTAssertEqual(metrics.betweenness["b"], 1)
        XCTAssertEqual(metrics.betweenness["a"], 0)
    }

    func testTheCentreOfAStarOfFiveHasBetweennessOne() {
        let metrics = NetworkMetrics(model: model([("hub", "a"), ("hub", "b"), ("hub", "c"), ("hub", "d")]))
        XCTAssertEqual(metrics.betweenness["hub"]!, 1, accuracy: 1e-9)
    }

    func testTwoSeparateTrianglesFormTwoBlocsNamedByTheirMembers() {
        let metrics = NetworkMetrics(model: model([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")]))
        XCTAssertEqual(Set(["a", "b", "c"].map { metrics.bloc[$0]! }).count, 1)
        XCTAssertEqual(Set(["x", "y", "z"].map { metrics.bloc[$0]! }).count, 1)
        XCTAssertNotEqual(metrics.bloc["a"], metrics.bloc["x"])
        XCTAssertEqual(metrics.members(ofBloc: metrics.bloc["a"]!), ["a", "b", "c"])
    }

    func testBlocsAreTheSameWhateverTheOrderOfRelations() {
        let edges = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "a"), ("c", "f"), ("f", "g")]
        XCTAssertEqual(NetworkMetrics(model: model(edges)).bloc, NetworkMetrics(model: model(edges.reversed())).bloc)
    }

    func testBetweennessOfAGraphSpanningSeveralSharesHasTheSameBitsOnOneOrTwoProcessors() {
        let count = NetworkMetrics.betweennessSourcesPerShare * 2 + 37
        let names = (0..<count).map { String(format: "n%04d", $0) }
        var graph: [String: Set<String>] = [:]
        for index in 0..<count {
            for step in [1, 7, 31] {
                let other = names[(index * 13 + step) % count]
                guard other != names[index] else { continue }
                graph[names[index], default: []].insert(other)
                graph[other, default: []].insert(names[index])
            }
        }
        let sorted = graph.mapValues { $0.sorted() }
        let one = NetworkMetrics.betweenness(sorted, processors: 1)
        XCTAssertEqual(one.count, count)
        XCTAssertTrue(one.values.contains { $0 > 0 })
        XCTAssertEqual(one, NetworkMetrics.betweenness(sorted, processors: 2))
        XCTAssertEqual(one, NetworkMetrics.betweenness(sorted, processors: 5))
    }
}
