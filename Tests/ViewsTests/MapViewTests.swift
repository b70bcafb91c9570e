import DOT
import DiagramStyle
import Foundation
import RelationModel
@testable import Views
import XCTest

/// Pins what makes the alliances, deployments and disputes views maps: the basemap under them, one window for
/// every year, the choropleth by year, places where they are, and what happens without any located actor.
final class MapViewTests: XCTestCase {
    let model = SampleModel.model
    let mapViews: [any View.Type] = [AlliancesView.self, DeploymentsView.self, DisputesView.self]

    func draw(_ view: any View.Type, _ options: ViewOptions = ViewOptions(), model: RelationModel? = nil) throws -> Diagram {
        try XCTUnwrap(ViewCatalog.diagram(view, of: model ?? self.model, options: options, links: LinkStyle()))
    }

    func testEveryMapViewDrawsItsBasemapUnderTheGraphAndCreditsNaturalEarth() throws {
        for view in mapViews {
            let map = try draw(view)
            XCTAssertEqual(map.engine, .nop2, view.id)
            let background = try XCTUnwrap(map.graph[.background], view.id)
            XCTAssertTrue(background.hasPrefix("c 11 -transparent C 7 -"), "\(view.id) starts with the sea")
            XCTAssertGreaterThan(background.components(separatedBy: "P ").count, 10, view.id)
            let groups = try XCTUnwrap(map.graph[.comment], view.id)
            XCTAssertTrue(groups.hasPrefix("relmap-svg-groups (basemap sea=1 "), view.id)
            XCTAssertTrue(groups.contains("country.country-KGZ="), "\(view.id) groups Kyrgyzstan's shapes")
            XCTAssertTrue(map.caption.contains("Natural Earth"), view.id)
            XCTAssertTrue(map.caption.contains("Lambert azimuthal equal-area"), view.id)
            XCTAssertTrue(map.graph.allNodes.allSatisfy { $0[.pos] != nil }, "\(view.id): nop2 needs every position")
        }
    }

    func testEveryYearlyMapOfAViewSharesTheWindowOfTheViewOverAllYears() throws {
        for view in mapViews {
            let years = [2001, 2003, 2006, 2010, 2013].compactMap { try? draw(view, ViewOptions(asOf: $0)) }
            XCTAssertGreaterThan(years.count, 1, view.id)
            let all = try draw(view)
            for map in years {
                XCTAssertEqual(centre(of: map), centre(of: all), "\(map.id) is projected like \(view.id)")
                XCTAssertEqual(sea(of: map), sea(of: all), "\(map.id) has the window of \(view.id)")
                for actor in map.actorIDs {
                    guard let here = map.graph.allNodes.first(where: { $0.name == actor })?[.pos],
                          let there = all.graph.allNodes.first(where: { $0.name == actor })?[.pos],
                          map.graph.allNodes.first(where: { $0.name == actor })?[.class]?.hasPrefix("actor kind-") == true
                    else { continue }
                    XCTAssertEqual(here, there, "\(actor) stays in place in \(map.id)")
                }
            }
        }
    }

    func testTheChoroplethFillsEachYearsMembers() throws {
        let member = Palette.blue.opacity(0.62).rawValue
        func solidFills(_ year: Int?) throws -> Int {
            let background = try XCTUnwrap(try draw(AlliancesView.self, ViewOptions(asOf: year)).graph[.background])
            return background.components(separatedBy: "C \(member.utf8.count) -\(member) ").count - 1
        }
        // The CSTO (the first, largest bloc, in blue): Kyrgyzstan since 2002, Uzbekistan from 2006 to 2008.
        XCTAssertEqual(try solidFills(2007), 2, "both members in force in 2007 are filled")
        XCTAssertEqual(try solidFills(2009), 1, "only Kyrgyzstan is a member in 2009")
        XCTAssertEqual(try solidFills(nil), 1, "over all years, Uzbekistan's ended membership is not solid")
        let m2 = try XCTUnwrap(model.relation("m2"))
        XCTAssertEqual(AlliancesView.standing(m2, options: ViewOptions(asOf: 2007)), .member)
        XCTAssertEqual(AlliancesView.standing(m2, options: ViewOptions()), .ended)
        XCTAssertTrue(try draw(AlliancesView.self).graph[.background]!.contains("country-UZB") == false,
                      "country classes go in the comment, not the drawing")
    }

    func testAMapsKeyIsALegendTablePinnedUnderTheMapWithItsSymbolsUnderItsCells() throws {
        for view in mapViews {
            let map = try draw(view)
            XCTAssertEqual(map.graph[.labelloc], .top, "\(view.id): the title goes above the map")
            let key = try XCTUnwrap(map.graph.allNodes.first { $0.name == "map-key" }, view.id)
            let position = try XCTUnwrap(key[.pos])
            XCTAssertLessThan(position.y, 0, "\(view.id): the key is under the map, whose bottom is y = 0")
            guard case .html(.table(let table))? = key[.label] else { return XCTFail("\(view.id): the key is a table") }
            XCTAssertTrue(table.rows.flatMap { $0 }.allSatisfy(\.isFixedSize), view.id)
            XCTAssertEqual(table.rows.flatMap { $0 }.count, 2 * map.legend.count, view.id)
            let background = try XCTUnwrap(map.graph[.background])
            XCTAssertFalse(background.contains(" T "), "\(view.id): no text in _background")
            XCTAssertTrue(map.graph.allNodes.allSatisfy { $0[.pos] != nil }, view.id)
        }
    }

    func testPlacesAreDrawnWhereTheyAreAndFarOffActorsAtTheEdgeInTheirDirection() throws {
        let map = try draw(DeploymentsView.self)
        let frame = try XCTUnwrap(corner(of: map))
        let washington = try XCTUnwrap(map.graph.allNodes.first { $0.name == "united-states" }?[.pos])
        XCTAssertEqual(washington.y, frame.y - 16, accuracy: 20, "the United States sit at the top edge (north, over the pole)")
        let label = try XCTUnwrap(map.graph.allNodes.first { $0.name == "united-states-label" }?[.label])
        guard case .text(let text) = label else { return XCTFail("a text label") }
        XCTAssertTrue(text.contains("km N"), text)
        XCTAssertTrue(map.caption.contains("Drawn at the map's edge"))
    }

    func testDisputesDrawTheBorderInQuestionAndIncidentsAtTheirPlace() throws {
        let map = try draw(DisputesView.self)
        let groups = try XCTUnwrap(map.graph[.comment])
        XCTAssertTrue(groups.contains("disputed-border="), "the Kyrgyz–Uzbek border is drawn")
        let border = try XCTUnwrap(map.graph.allNodes.first { $0.name == "border-1" }?[.label])
        guard case .text(let text) = border else { return XCTFail("a text label") }
        XCTAssertTrue(text.contains("Kyrgyzstan–Uzbekistan"), text)
        XCTAssertTrue(text.contains("600 km border still in dispute"), text)
        XCTAssertTrue(map.relationIDs.contains("x1"))
    }

    func testAPlaceClaimedBySeveralStatesIsContestedTerritoryOnTheMapEvenForAnIncident() throws {
        let sokh = Actor(id: "sokh", name: "Sokh", kind: .place, claimedBy: ["kyrgyzstan", "uzbekistan"],
                         coordinate: Coordinate(latitude: 40.0, longitude: 71.09), location: SampleModel.here)
        let clash = SampleModel.relation("i9", .incident, ["kyrgyzstan", "uzbekistan"], start: "2013-01") {
            $0.category = .fight
            $0.place = "sokh"
        }
        let withSokh = RelationModel(sources: model.sources, actors: model.actors + [sokh], relations: model.relations + [clash])
        let map = try draw(DisputesView.self, model: withSokh)
        XCTAssertTrue(try XCTUnwrap(map.graph[.comment]).contains("contested-territory="), "Sokh's piece of land is hatched")
        XCTAssertTrue(map.legend.contains { $0.label == "Contested territory (hatched)" })
        XCTAssertNotNil(map.graph.allNodes.first { $0.name == "sokh" }?[.pos])
    }

    func testAViewWithNoLocatedActorsDrawsNoMapAndSaysSo() throws {
        let unlocated = RelationModel(sources: model.sources,
                                      actors: model.actors.map { actor in
                                          var copy = actor
                                          copy.coordinate = nil
                                          return copy
                                      },
                                      relations: model.relations)
        for view in mapViews {
            let diagram = try draw(view, model: unlocated)
            XCTAssertNotEqual(diagram.engine, .nop2, view.id)
            XCTAssertNil(diagram.graph[.comment], "\(view.id) draws no empty map")
            XCTAssertFalse((diagram.graph[.background] ?? "").contains(MapPanel.Colors.sea.rawValue), "\(view.id) has no sea")
            XCTAssertTrue(diagram.caption.contains("None of these actors has a location, so no map is drawn"), view.id)
            XCTAssertFalse(diagram.relationIDs.isEmpty, view.id)
        }
    }

    func testCoordinatesOffTheGlobeCountAsNoPlace() throws {
        // The loader refuses them with file:line:column; a model built in code still draws.
        let offGlobe = RelationModel(sources: model.sources, actors: model.actors.map { actor in
            var copy = actor
            if actor.id == "osh" { copy.coordinate = Coordinate(latitude: 95, longitude: 400) }
            return copy
        }, relations: model.relations)
        let map = try draw(DeploymentsView.self, model: offGlobe)
        XCTAssertTrue(map.caption.contains("Beside the map, having no location of their own or through a country: Osh"), map.caption)
        XCTAssertNotNil(map.graph.allNodes.first { $0.name == "osh" }?[.pos])
    }

    func testTheSameModelGivesTheSameMapTwice() throws {
        for view in mapViews {
            XCTAssertEqual(try draw(view).dot, try draw(view).dot, view.id)
        }
    }

    /// "centred on 41.0°N 71.9°E" from the caption.
    private func centre(of map: Diagram) -> String? {
        guard let range = map.caption.range(of: "centred on [^,;]*?E", options: .regularExpression) else { return nil }
        return String(map.caption[range])
    }

    /// The sea: the first polygon of the background, the window on the page.
    private func sea(of map: Diagram) -> String? {
        guard let background = map.graph[.background], let start = background.range(of: "P 4 ") else { return nil }
        return String(background[start.lowerBound...].prefix(40))
    }

    /// The top-right corner of the drawing.
    private func corner(of map: Diagram) -> Position? {
        map.graph.allNodes.first { $0.name == "map-corner-ne" }?[.pos]
    }

    func testADisputeLinesLabelsNameEachKindOnceWithHowManyRelationsShareIt() {
        XCTAssertEqual(DisputesView.tallied(["refugees since 2005", "gas", "coerce", "water", "coerce"]),
                       ["refugees since 2005", "gas", "coerce ×2", "water"])
        XCTAssertEqual(DisputesView.tallied(["gas"]), ["gas"])
    }

    func testAnEventDrawnWithoutItsPlaceNamesThePlaceInItsLabel() {
        let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
        var details = RelationDetails()
        details.place = "andijan"
        details.category = .assault
        let relation = Relation(id: "massacre", type: .incident, participants: ["uzbekistan"], start: PartialDate(year: 2005, month: 5),
                                status: .ended, summary: "s", evidence: [], details: details, location: here)
        let model = RelationModel(sources: [], actors: [Actor(id: "andijan", name: "Andijan", kind: .place, location: here)],
                                  relations: [relation])
        XCTAssertEqual(StandardDrawing.eventName(relation, in: model), "Assault\nAndijan, 2005-05")
        details.place = nil
        var folded = relation
        folded.details = details
        XCTAssertEqual(StandardDrawing.eventName(folded, in: model), "Assault\nAndijan, 2005-05",
                       "a view that folds the place into its state still names it")
        let elsewhere = RelationModel(sources: [], actors: [], relations: [])
        XCTAssertEqual(StandardDrawing.eventName(folded, in: elsewhere), "Assault\n2005-05")
    }
}
