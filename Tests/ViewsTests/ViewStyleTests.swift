import DOT
import Foundation
import RelationModel
import Views
import XCTest

/// Pins legends, links, ids, the map's geography and determinism across all views.
final class ViewStyleTests: XCTestCase {
    let model = SampleModel.model

    func allDiagrams(links: LinkStyle = LinkStyle()) -> [Diagram] {
        var options = ViewCatalog.views.map { ($0, ViewOptions()) }
        options.append((ActorFocusView.self, ViewOptions(focusActor: "kyrgyzstan", maximumNodes: 3)))
        options.append((AlliancesView.self, ViewOptions(asOf: 2006)))
        return options.compactMap { ViewCatalog.diagram($0.0, of: model, options: $0.1, links: links) }
    }

    func testLegendListsOnlyTheStylesTheDiagramUses() throws {
        let alliances = try XCTUnwrap(AlliancesView.diagram(of: model, options: ViewOptions(), links: LinkStyle()))
        XCTAssertEqual(alliances.legend.map(\.label), ["Alliances and pacts", "Member (solid)", "Ended or withdrawn (cross-hatched)"])
        let disputes = try XCTUnwrap(DisputesView.diagram(of: model, options: ViewOptions(), links: LinkStyle()))
        XCTAssertEqual(disputes.legend.map(\.label), ["State", "Border in dispute (dashed)", "Incident with deaths (wider: more)"])
        for diagram in allDiagrams() {
            let edgeColours = Set(diagram.graph.allEdges.filter { $0.to != "more-actors" }.compactMap { $0[.color] })
            let legendColours = Set(diagram.legend.compactMap { entry -> Color? in
                if case .edge(let line) = entry.kind, line.style.items == [.solid] { return line.color }
                return nil
            })
            // Actors' nodes (on maps, their markers) are filled by kind; a map's areas are filled in its background.
            let nodeFills = Set(diagram.graph.allNodes.filter { $0[.class]?.hasPrefix("actor kind-") ?? false }.compactMap { $0[.fillcolor] })
            let legendFills = Set(diagram.legend.compactMap { entry -> Color? in
                if case .node(let symbol) = entry.kind { return symbol.fill }
                return nil
            })
            // On a map, leader lines (grey) join labels to their markers, and areas (a bloc, a host state) are filled in
            // the map as well as in the legend.
            let isMap = diagram.engine == .nop2
            let leaders: Set<Color> = isMap ? [Color(hex: "#7f7f7f")!] : []
            XCTAssertEqual(edgeColours.subtracting(leaders), legendColours.subtracting([Color(hex: "#333333")!]), diagram.id)
            let background = diagram.graph[.background] ?? ""
            let areaFills = Set(legendFills.filter { isMap && background.components(separatedBy: "C \($0.rawValue.utf8.count) -\($0.rawValue)").count > 1 })
            XCTAssertEqual(nodeFills, legendFills.subtracting(areaFills.subtracting(nodeFills)), diagram.id)
            XCTAssertEqual(Set(diagram.legend).count, diagram.legend.count, "\(diagram.id) repeats a legend entry")
        }
    }

    func testEveryLinkIsRelativeToTheSiteRoot() {
        for diagram in allDiagrams() {
            let urls = diagram.graph.allNodes.compactMap { $0[.url] } + diagram.graph.allEdges.compactMap { $0[.url] }
            XCTAssertFalse(urls.isEmpty, diagram.id)
            for url in urls {
                XCTAssertTrue(url.hasPrefix("../actors/") || url.hasPrefix("../timeline/") || url.hasPrefix("../timeline.html#rel-"),
                              "\(diagram.id): \(url)")
                XCTAssertFalse(url.contains("://"), url)
            }
        }
        let fromRoot = LinkStyle(root: "")
        XCTAssertEqual(fromRoot.actorPage("kyrgyzstan"), "actors/kyrgyzstan.html")
    }

    func testARelationLinksToItsRowOnTheTimelinePageOfTheYearItBeganOrToTheTimelineWhenUndated() {
        let links = LinkStyle()
        XCTAssertEqual(links.relationAnchor(SampleModel.relation("m1", .membership, ["a", "b"], start: "2001-06")),
                       "../timeline/2001.html#rel-m1")
        XCTAssertEqual(links.relationAnchor(SampleModel.relation("m2", .membership, ["a", "b"], end: "2005")),
                       "../timeline/2005.html#rel-m2", "a relation without a start shows first in the year it ended")
        XCTAssertEqual(links.relationAnchor(SampleModel.relation("m3", .membership, ["a", "b"])), "../timeline.html#rel-m3")
    }

    func testEveryIDInTheDOTIsPrefixedWithTheDiagramID() throws {
        let idPattern = try NSRegularExpression(pattern: "\\bid=\"([^\"]*)\"")
        for diagram in allDiagrams() {
            let dot = diagram.dot
            let ids = idPattern.matches(in: dot, range: NSRange(dot.startIndex..., in: dot)).map {
                String(dot[Range($0.range(at: 1), in: dot)!])
            }
            XCTAssertGreaterThan(ids.count, diagram.actorIDs.count, diagram.id)
            XCTAssertTrue(ids.allSatisfy { $0 == diagram.id || $0.hasPrefix(diagram.id + "-") }, diagram.id)
            XCTAssertEqual(Set(ids).count, ids.count, "\(diagram.id) repeats an id")
        }
    }

    func testDiagramIDsAreFileNameSafe() {
        for diagram in allDiagrams() {
            XCTAssertTrue(diagram.id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, diagram.id)
        }
    }

    func testDeploymentsMapPinsEveryNodeAndKeepsCompassDirections() throws {
        let map = try XCTUnwrap(DeploymentsView.diagram(of: model, options: ViewOptions(), links: LinkStyle()))
        XCTAssertEqual(map.engine, .nop2)
        var positions: [String: Position] = [:]
        for node in map.graph.allNodes {
            positions[node.name] = try XCTUnwrap(node[.pos], "\(node.name) has no position")
        }
        let kant = try XCTUnwrap(positions["kant-air-base"]), osh = try XCTUnwrap(positions["osh"])
        let kabul = try XCTUnwrap(positions["afghanistan"]), moscow = try XCTUnwrap(positions["russia"])
        XCTAssertGreaterThan(kant.y, osh.y, "Kant lies north of Osh")
        XCTAssertGreaterThan(kant.x, osh.x, "and east of it")
        XCTAssertLessThan(kabul.y, osh.y, "Kabul lies south-west of Osh")
        XCTAssertLessThan(kabul.x, osh.x)
        XCTAssertGreaterThan(moscow.y, kant.y, "Moscow lies north-west, at the edge")
        XCTAssertLessThan(moscow.x, kant.x)
        XCTAssertNil(positions["russian-border-guards"], "an agency without coordinates is drawn as its country")
        XCTAssertTrue(map.graph.allEdges.contains { $0.from == "russia" && $0.to == "osh" }, "so its deployment starts at Russia")
        XCTAssertTrue(map.caption.contains("Drawn as their country, having no coordinates of their own: Russian border guards"), map.caption)
        XCTAssertTrue(map.caption.contains("United States"))
    }

    func testFocusIsAnEgoNetworkWithTheActorPinnedAtTheCentre() throws {
        let focus = try XCTUnwrap(ActorFocusView.diagram(of: model, options: ViewOptions(focusActor: "kyrgyzstan"), links: LinkStyle()))
        XCTAssertEqual(focus.engine, .neato)
        let centre = try XCTUnwrap(focus.graph.allNodes.first { $0.name == "kyrgyzstan" })
        XCTAssertEqual(centre[.pos], Position(x: 0, y: 0, pinned: true))
        XCTAssertTrue(focus.graph.allNodes.filter { $0.name != "kyrgyzstan" }.allSatisfy { $0[.pos]?.isPinned == false },
                      "the others start round the centre and are placed by neato")
    }

    func testOverviewYearsPinEveryActorWhereTheLayoutOfAllYearsPutsIt() throws {
        let overview = try XCTUnwrap(OverviewView.diagram(of: model, options: ViewOptions(), links: LinkStyle()))
        XCTAssertEqual(overview.engine, .neato)
        XCTAssertTrue(overview.startsFromGivenPositions)
        let positions = Dictionary(uniqueKeysWithValues: overview.graph.allNodes.map { ($0.name, $0[.pos]) })
        XCTAssertTrue(positions.values.allSatisfy { $0?.isPinned == true })
        for year in [2001, 2006, 2010] {
            let map = try XCTUnwrap(OverviewView.diagram(of: model, options: ViewOptions(asOf: year), links: LinkStyle()))
            for node in map.graph.allNodes {
                XCTAssertEqual(node[.pos], positions[node.name] ?? nil, "\(year): \(node.name) moved")
            }
            XCTAssertEqual(Set(map.actorIDs), Set(overview.actorIDs), "\(year): every actor keeps its place, faint when idle")
        }
    }

    func testEncodingIsDeterministic() {
        let first = allDiagrams().map(\.dot)
        let second = allDiagrams().map(\.dot)
        XCTAssertEqual(first, second)
        let rebuilt = RelationModel(sources: model.sources, actors: model.actors.reversed(), relations: model.relations)
        let overview = OverviewView.diagram(of: rebuilt, options: ViewOptions(), links: LinkStyle())
        XCTAssertEqual(overview?.relationIDs, model.relations.map(\.id))
    }

    func testEveryDiagramLaysOutWithoutGraphvizComplaints() throws {
        for diagram in allDiagrams() {
            guard let result = try GraphvizRun.layout(diagram.dot, engine: diagram.engine.rawValue) else {
                throw XCTSkip("the graphviz command-line tools are not installed")
            }
            XCTAssertEqual(result.status, 0, "\(diagram.id): \(result.stderr)")
            XCTAssertEqual(result.stderr, "", diagram.id)
        }
    }
}
