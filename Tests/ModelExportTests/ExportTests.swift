import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ModelExport
import RelationModel
import XMLText
import XCTest

/// Pins the JSON, CSV and GraphML exports.
final class ExportTests: XCTestCase {
    static let yaml = """
    sources:
      - {id: s1, title: "Report, \\"quoted\\"", publisher: P, published: "2006-07", file: a.txt, paragraphs: 9}
      - {id: s2, title: Other, publisher: Q, published: "2007", file: b.txt}
    actors:
      - {id: kgz, name: Kyrgyzstan, kind: state, iso3: KGZ, location: {lat: 42.87, lon: 74.59}}
      - {id: uzb, name: "Uzbekistan, Republic of", kind: state, iso3: UZB, location: {lat: 41.3, lon: 69.24}}
      - {id: sco, name: "The \\"Shanghai\\" Org", kind: organization, aliases: [SCO]}
      - {id: kaz, name: Kazakhstan, kind: state, iso3: KAZ, location: {lat: 51.16, lon: 71.47}}
      - {id: evil, name: "<script>alert(1)</script> & co", kind: armed-group}
    relations:
      - id: uzb-sco
        type: membership
        role: founding
        participants: [uzb, sco]
        start: "2001-06-15"
        status: ongoing
        summary: "Joins, with others;\\nsecond line"
        evidence: [{source: s1, paragraph: 2}]
      - id: summit
        type: meeting
        participants: [kgz, uzb, kaz]
        start: "2006-09"
        status: ended
        summary: "=HYPERLINK(\\"x\\")"
        evidence: [{source: s1, paragraph: 3}, {source: s2, paragraph: 1}]
        claims:
          - {field: start, value: "2006-08", evidence: [{source: s2, paragraph: 1}]}
      - id: clash
        type: incident
        category: fight
        participants: [evil]
        start: "2010"
        status: ended
        dead: 4
        summary: A clash.
        evidence: [{source: s2, paragraph: 4}]
    """

    func model() throws -> RelationModel {
        let loaded = ModelLoader.load([(name: "m.yaml", data: Data(Self.yaml.utf8))])
        let problems = DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model)).errors
        XCTAssertEqual(problems, [])
        return loaded.model
    }

    /// A contested place, a relation given as one actor's statement and an incident with no initiator named.
    static let attributedYAML = """
    sources:
      - {id: s1, title: T, publisher: P, published: "2006", file: a.txt}
    actors:
      - {id: kgz, name: Kyrgyzstan, kind: state, iso3: KGZ, location: {lat: 42.87, lon: 74.59}}
      - {id: uzb, name: Uzbekistan, kind: state, iso3: UZB, location: {lat: 41.3, lon: 69.24}}
      - {id: bakiev, name: Kurmanbek Bakiev, kind: person, country: kgz}
      - {id: sokh, name: Sokh, kind: place, claimed_by: [kgz, uzb], location: {lat: 40.0, lon: 71.1}}
    relations:
      - {id: said, type: cooperation, participants: [kgz, uzb], status: agreed, summary: S, according_to: bakiev, hedge: stated, evidence: [{source: s1, paragraph: 1}]}
      - {id: clash, type: incident, participants: [uzb, kgz], directed: false, place: sokh, status: ended, summary: S, hedge: reported, evidence: [{source: s1, paragraph: 2}]}
    """

    func testExportsCarryWhoARelationIsAccordingToItsHedgeTheClaimantsAndAnUndirectedIncident() throws {
        let loaded = ModelLoader.load([(name: "m.yaml", data: Data(Self.attributedYAML.utf8))])
        XCTAssertEqual(DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model)).diagnostics, [])
        let model = loaded.model

        let decoded = try JSONDecoder().decode(ExportedModel.self, from: Data(try ExportFormat.json.render(model).utf8))
        XCTAssertEqual(decoded.actors.first { $0.id == "sokh" }?.claimedBy, ["kgz", "uzb"])
        XCTAssertNil(decoded.actors.first { $0.id == "kgz" }?.claimedBy)
        let said = try XCTUnwrap(decoded.relations.first { $0.id == "said" })
        XCTAssertEqual([said.accordingTo?.id, said.accordingTo?.name, said.accordingTo?.kind], ["bakiev", "Kurmanbek Bakiev", "person"])
        XCTAssertEqual(said.hedge, "stated")
        let clash = try XCTUnwrap(decoded.relations.first { $0.id == "clash" })
        XCTAssertEqual(clash.directed, false)
        XCTAssertEqual(clash.hedge, "reported")
        XCTAssertNil(clash.accordingTo)
        let json = try ExportFormat.json.render(model)
        XCTAssertTrue(json.contains(#""claimed_by" : ["#))
        XCTAssertTrue(json.contains(#""according_to" : {"#))

        let rows = CSVReader.records(try ExportFormat.csv.render(model))
        let header = try XCTUnwrap(rows.first)
        func cell(_ row: Int, _ column: String) throws -> String { rows[row][try XCTUnwrap(header.firstIndex(of: column))] }
        XCTAssertEqual(try cell(1, "id"), "clash")
        XCTAssertEqual(try cell(1, "directed"), "false")
        XCTAssertEqual(try cell(1, "hedge"), "reported")
        XCTAssertEqual(try cell(1, "according_to_id"), "")
        XCTAssertEqual(try cell(2, "hedge"), "stated")
        XCTAssertEqual(try cell(2, "according_to_id"), "bakiev")
        XCTAssertEqual(try cell(2, "according_to_name"), "Kurmanbek Bakiev")

        let graphML = try ExportFormat.graphml.render(model)
        XCTAssertTrue(graphML.contains(#"<data key="n_claimed_by">[&quot;kgz&quot;,&quot;uzb&quot;]</data>"#))
        XCTAssertTrue(graphML.contains(#"<data key="e_according_to">bakiev</data>"#))
        XCTAssertTrue(graphML.contains(#"<data key="e_hedge">reported</data>"#))
        XCTAssertTrue(graphML.contains(#"<edge id="clash.1" source="uzb" target="kgz">"#), graphML)
        XCTAssertTrue(graphML.contains(#"<data key="e_directed">false</data>"#))
    }

    func testJSONHoldsResolvedParticipantsDatesAndEvidenceSortedById() throws {
        let json = try ExportFormat.json.render(model())
        let decoded = try JSONDecoder().decode(ExportedModel.self, from: Data(json.utf8))
        XCTAssertEqual(decoded.formatVersion, 1)
        XCTAssertEqual(decoded.relations.map(\.id), ["clash", "summit", "uzb-sco"])
        XCTAssertEqual(decoded.actors.map(\.id), ["evil", "kaz", "kgz", "sco", "uzb"])
        let membership = try XCTUnwrap(decoded.relations.last)
        XCTAssertEqual(membership.participants.map(\.name), ["Uzbekistan, Republic of", "The \"Shanghai\" Org"])
        XCTAssertEqual(membership.participants.map(\.kind), ["state", "organization"])
        XCTAssertEqual(membership.start?.date, "2001-06-15")
        XCTAssertEqual(membership.start?.precision, "day")
        XCTAssertEqual(membership.role, "founding")
        XCTAssertTrue(membership.directed)
        XCTAssertEqual(membership.evidence.first?.file, "a.txt")
        XCTAssertEqual(decoded.relations[1].claims.first?.value, "2006-08")
        XCTAssertEqual(decoded.period?.first, 2001)
        XCTAssertEqual(decoded.period?.last, 2010)
    }

    func testJSONKeysAreSortedAndNullsLeftOut() throws {
        let json = try ExportFormat.json.render(model())
        XCTAssertFalse(json.contains("null"))
        XCTAssertLessThan(try XCTUnwrap(json.range(of: "\"actors\"")).lowerBound, try XCTUnwrap(json.range(of: "\"format_version\"")).lowerBound)
        XCTAssertLessThan(try XCTUnwrap(json.range(of: "\"format_version\"")).lowerBound, try XCTUnwrap(json.range(of: "\"relations\"")).lowerBound)
    }

    func testExportsAreTheSameBytesWhateverTheModelOrder() throws {
        let original = try model()
        let shuffled = RelationModel(sources: original.sources.reversed(), actors: original.actors.reversed(),
                                     relations: original.relations.reversed())
        for format in ExportFormat.allCases {
            XCTAssertEqual(try format.render(original), try format.render(shuffled), format.rawValue)
        }
    }

    func testCSVQuotesCommasQuotesAndNewlines() {
        XCTAssertEqual(CSVText.field("plain"), "plain")
        XCTAssertEqual(CSVText.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVText.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVText.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVText.field("cr\r\nlf"), "\"cr\r\nlf\"")
    }

    func testCSVNeutralisesSpreadsheetFormulas() {
        XCTAssertEqual(CSVText.field("=1+1"), "'=1+1")
        XCTAssertEqual(CSVText.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVText.field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
    }

    func testCSVHasOneRowPerRelationThatParsesBackToTheSameFields() throws {
        let csv = CSVExport.render(try model())
        let rows = CSVReader.records(csv)
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows[0], CSVExport.columns)
        XCTAssertTrue(rows.allSatisfy { $0.count == CSVExport.columns.count })
        let byColumn = Dictionary(uniqueKeysWithValues: zip(CSVExport.columns, rows[3]))
        XCTAssertEqual(byColumn["id"], "uzb-sco")
        XCTAssertEqual(byColumn["first_name"], "Uzbekistan, Republic of")
        XCTAssertEqual(byColumn["second_name"], "The \"Shanghai\" Org")
        XCTAssertEqual(byColumn["summary"], "Joins, with others;\nsecond line")
        XCTAssertEqual(byColumn["role"], "founding")
        let summit = Dictionary(uniqueKeysWithValues: zip(CSVExport.columns, rows[2]))
        XCTAssertEqual(summit["participant_ids"], #"["kgz","uzb","kaz"]"#)
        XCTAssertEqual(summit["participant_names"], #"["Kyrgyzstan","Uzbekistan, Republic of","Kazakhstan"]"#)
        XCTAssertEqual(summit["evidence"], #"["s1#3","s2#1"]"#)
        XCTAssertEqual(summit["source_count"], "2")
        XCTAssertEqual(summit["conflicting_fields"], #"["start"]"#)
        XCTAssertEqual([summit["start"], summit["start_year"], summit["end_year"]], ["2006-09", "2006", ""])
        XCTAssertTrue(csv.hasSuffix("\r\n"))
    }

    func testGraphMLParsesAsXMLAndRoundTripsNodeAndEdgeCounts() throws {
        let graphml = GraphMLExport.render(try model())
        let counter = GraphMLCounter()
        let parser = XMLParser(data: Data(graphml.utf8))
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), String(describing: parser.parserError))
        XCTAssertEqual(counter.nodes, 5)
        // membership: 1 edge; three-party meeting: 3 pairs; one-party incident: none.
        XCTAssertEqual(counter.edges, 4)
        XCTAssertEqual(Set(counter.edgeIDs).count, 4)
        XCTAssertTrue(counter.texts.contains("<script>alert(1)</script> & co"))
        XCTAssertEqual(counter.directedEdges, 0, "no edge overrides the graph's direction")
        XCTAssertEqual(counter.texts.filter { $0 == "true" }.count, 1, "the membership's `directed`")
        XCTAssertTrue(graphml.contains(#"<graph id="relations" edgedefault="directed">"#))
        XCTAssertTrue(counter.texts.contains("founding"))
    }

    func testXMLTextReplacesCharactersXMLCannotHold() {
        XCTAssertEqual(XMLText.escaped("a\u{1}b\u{FFFE}"), "a\u{FFFD}b\u{FFFD}")
        XCTAssertEqual(XMLText.escaped("<&>\"'"), "&lt;&amp;&gt;&quot;&apos;")
    }
}

/// Counts what a GraphML document holds.
final class GraphMLCounter: NSObject, XMLParserDelegate {
    var nodes = 0
    var edges = 0
    var directedEdges = 0
    var edgeIDs: [String] = []
    var texts: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if elementName == "node" { nodes += 1 }
        if elementName == "edge" {
            edges += 1
            edgeIDs.append(attributes["id"] ?? "")
            if attributes["directed"] == "true" { directedEdges += 1 }
        }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "data" { texts.append(text) }
    }
}

/// A minimal RFC 4180 reader, to check that exported CSV reads back.
enum CSVReader {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append(characters.removeFirst()) } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",": record.append(field); field = ""
            case "\r" where characters.first == "\n":
                characters.removeFirst()
                record.append(field); field = ""
                records.append(record); record = []
            default: field.unicodeScalars.append(scalar)
            }
        }
        return records
    }
}
