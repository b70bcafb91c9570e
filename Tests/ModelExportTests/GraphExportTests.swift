import DiagramStyle
import Foundation
@testable import ModelExport
import RelationModel
import XCTest

/// Pins how the graph exports (links-csv, actors-csv, GraphML, GEXF) turn relations into links, hubs,
/// colours and intervals.
final class GraphExportTests: XCTestCase {
    static let yaml = """
    sources:
      - {id: s1, title: T, publisher: P, published: "2006", file: a.txt}
    actors:
      - {id: kgz, name: Kyrgyzstan, kind: state, aliases: ["Kyrgyz; Republic"], location: {lat: 42.87, lon: -74.59}}
      - {id: uzb, name: Uzbekistan, kind: state}
      - {id: kaz, name: Kazakhstan, kind: state}
      - {id: tjk, name: Tajikistan, kind: state}
      - {id: sco, name: SCO, kind: organization}
    relations:
      - {id: summit, type: meeting, participants: [kgz, uzb, kaz, tjk], start: "2008-02", status: ended, summary: S, evidence: [{source: s1, paragraph: 1}]}
      - {id: join, type: membership, participants: [kgz, sco], start: "2001", end: "2012-02", status: ended, summary: S, evidence: [{source: s1, paragraph: 2}]}
      - {id: drill, type: incident, participants: [uzb, kgz, tjk], start: "2010-06-11", status: ended, summary: S, evidence: [{source: s1, paragraph: 3}]}
      - {id: border, type: dispute, subject: border, participants: [uzb, kgz], status: ongoing, summary: S, hedge: possible, evidence: [{source: s1, paragraph: 4}], quantities: [{value: 560, unit: mi, what: "length (about; also 900 km)"}]}
    """

    func model() throws -> RelationModel {
        let loaded = ModelLoader.load([(name: "m.yaml", data: Data(Self.yaml.utf8))])
        XCTAssertEqual(DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model)).errors, [])
        return loaded.model
    }

    func links(_ options: ExportOptions) throws -> [String] {
        ExportGraph(try model(), options: options).links.map { "\($0.id) \($0.source)>\($0.target)\($0.directed ? "" : " u")" }
    }

    func testPairwiseLinksAreEveryPairOfAnUndirectedRelationAndAStarFromADirectedOnesFirstParticipant() throws {
        XCTAssertEqual(try links(ExportOptions()), [
            "border.1 uzb>kgz", "drill.1 uzb>kgz", "drill.2 uzb>tjk", "join.1 kgz>sco",
            "summit.1 kgz>uzb u", "summit.2 kgz>kaz u", "summit.3 kgz>tjk u", "summit.4 uzb>kaz u", "summit.5 uzb>tjk u", "summit.6 kaz>tjk u",
        ])
    }

    func testTwoArcsWriteEachUndirectedLinkBothWaysAndLeaveDirectedOnesAlone() throws {
        let arcs = try links(ExportOptions(undirected: .twoArcs))
        XCTAssertEqual(arcs.count, 4 + 12)
        XCTAssertEqual(Array(arcs.suffix(2)), ["summit.11 kaz>tjk u", "summit.12 tjk>kaz u"])
        XCTAssertTrue(arcs.contains("join.1 kgz>sco"))
    }

    func testHubsLinkEachParticipantOfALargerRelationToANodeOfItsOwnKeepingDirection() throws {
        let graph = ExportGraph(try model(), options: ExportOptions(hubs: true))
        XCTAssertEqual(graph.nodes.map(\.id), ["kaz", "kgz", "sco", "tjk", "uzb", "relation:drill", "relation:summit"])
        XCTAssertEqual(try links(ExportOptions(hubs: true)), [
            "border.1 uzb>kgz", "drill.1 uzb>relation:drill", "drill.2 relation:drill>kgz", "drill.3 relation:drill>tjk", "join.1 kgz>sco",
            "summit.1 kgz>relation:summit u", "summit.2 uzb>relation:summit u", "summit.3 kaz>relation:summit u", "summit.4 tjk>relation:summit u",
        ])
    }

    func testLinksTableGivesGephiItsSourceTargetAndTypeAndTheRelationItsYears() throws {
        let rows = CSVReader.records(LinksCSVExport.render(try model()))
        XCTAssertEqual(rows.first, LinksCSVExport.columns)
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { row in (row[3], Dictionary(uniqueKeysWithValues: zip(rows[0], row))) })
        XCTAssertEqual(byID["join.1"]?["Type"], "Directed")
        XCTAssertEqual(byID["join.1"]?["start_year"], "2001")
        XCTAssertEqual(byID["join.1"]?["end_year"], "2012")
        XCTAssertEqual(byID["join.1"]?["color"], Palette.color(of: .membership).rawValue)
        XCTAssertEqual(byID["summit.1"]?["Type"], "Undirected")
        XCTAssertEqual(byID["summit.1"]?["directed"], "false")
        let twoArcs = CSVReader.records(LinksCSVExport.render(try model(), options: ExportOptions(undirected: .twoArcs)))
        XCTAssertEqual(Set(twoArcs.dropFirst().map { $0[2] }), ["Directed"], "each arc goes one way")
    }

    func testActorsTableKeepsAListWithASemicolonWholeAndANegativeNumberANumber() throws {
        let rows = CSVReader.records(ActorsCSVExport.render(try model()))
        let kgz = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[2]))
        XCTAssertEqual(kgz["Id"], "kgz")
        XCTAssertEqual(kgz["aliases"], #"["Kyrgyz; Republic"]"#)
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: Data(try XCTUnwrap(kgz["aliases"]).utf8)), ["Kyrgyz; Republic"])
        XCTAssertEqual(kgz["lon"], "-74.59")
        XCTAssertEqual(kgz["color"], Palette.style(of: .state).fill.rawValue)
        let relations = CSVReader.records(CSVExport.render(try model()))
        let border = Dictionary(uniqueKeysWithValues: zip(relations[0], relations[1]))
        XCTAssertEqual(border["id"], "border")
        XCTAssertEqual(border["quantities"], #"[{"value":560,"unit":"mi","what":"length (about; also 900 km)"}]"#)
    }

    func testCSVStillNeutralisesTextThatOnlyLooksLikeANumberAtItsStart() {
        XCTAssertEqual(CSVText.field("-1+1"), "'-1+1")
        XCTAssertEqual(CSVText.field("-"), "'-")
        XCTAssertEqual(CSVText.field("-3."), "'-3.")
        XCTAssertEqual(CSVText.field("-3.25"), "-3.25")
    }

    func testDayIntervalsCoverEveryDayAPartialDateMayMean() throws {
        let byID = Dictionary(uniqueKeysWithValues: try model().relations.map { ($0.id, DayInterval($0)) })
        XCTAssertEqual(byID["join"], DayInterval(start: "2001-01-01", end: "2012-02-29"))
        XCTAssertEqual(byID["summit"], DayInterval(start: "2008-02-01", end: "2008-02-29"))
        XCTAssertEqual(byID["drill"], DayInterval(start: "2010-06-11", end: "2010-06-11"))
        XCTAssertEqual(byID["border"] ?? nil, nil, "undated: no interval")
        XCTAssertEqual(DayInterval.lastDay(PartialDate(year: 1900, month: 2)), "1900-02-28")
    }

    func testGEXFCarriesThePalettesColoursShapesLineStylesAndIntervals() throws {
        let gexf = GEXFExport.render(try model())
        let state = GEXFExport.components(Palette.style(of: .state).fill)
        XCTAssertTrue(gexf.contains(#"<node id="kgz" label="Kyrgyzstan">"#))
        XCTAssertTrue(gexf.contains("<viz:color r=\"\(state.red)\" g=\"\(state.green)\" b=\"\(state.blue)\"/>\n        <viz:shape value=\"square\"/>"))
        XCTAssertTrue(gexf.contains(#"<edge id="join.1" source="kgz" target="sco" label="membership" start="2001-01-01" end="2012-02-29">"#))
        XCTAssertTrue(gexf.contains(#"<viz:color r="0" g="114" b="178"/>"#), "membership's Okabe-Ito blue")
        XCTAssertTrue(gexf.contains(#"<edge id="border.1" source="uzb" target="kgz" label="dispute">"#))
        XCTAssertTrue(gexf.contains(#"<viz:shape value="double"/>"#), "the hedged dispute")
        XCTAssertTrue(gexf.contains(#"<viz:shape value="dotted"/>"#), "the ended membership")
        XCTAssertEqual(GEXFExport.gexfShape(Palette.style(of: .organization).shape), "diamond")
        XCTAssertEqual(GEXFExport.gexfShape(Palette.style(of: .facility).shape), "triangle")
        XCTAssertEqual(GEXFExport.gexfShape(Palette.style(of: .person).shape), "disc")
    }

    func testGraphFormatsAreTheSameBytesWhateverTheModelOrderWithEveryOption() throws {
        let original = try model()
        let shuffled = RelationModel(sources: original.sources.reversed(), actors: original.actors.reversed(), relations: original.relations.reversed())
        for format in ExportFormat.allCases where format.drawsGraph {
            for options in [ExportOptions(), ExportOptions(hubs: true, undirected: .twoArcs)] {
                XCTAssertEqual(try format.render(original, options: options), try format.render(shuffled, options: options), format.rawValue)
            }
        }
    }
}
