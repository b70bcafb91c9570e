import RelationModel
import XCTest

/// Pins how numbers and periods read wherever a relation is described: pages, diagrams and exports.
final class WordingTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    private func relation(_ type: RelationType, _ start: String?, _ end: String?, status: RelationStatus = .ongoing) -> Relation {
        Relation(id: "r", type: type, participants: ["a", "b"], start: start.flatMap(PartialDate.init),
                 end: end.flatMap(PartialDate.init), status: status, summary: "s", evidence: [], location: here)
    }

    func testWholeNumbersHaveNoPointAndHugeOnesDoNotTrap() {
        XCTAssertEqual(NumberText.shortest(12), "12")
        XCTAssertEqual(NumberText.shortest(-3), "-3")
        XCTAssertEqual(NumberText.shortest(2.5), "2.5")
        XCTAssertEqual(NumberText.shortest(1e20), "1e+20")
        XCTAssertEqual(NumberText.shortest(-1e15), "-1000000000000000.0")
        XCTAssertEqual(Quantity(value: 1e20, unit: "km", what: "border").text, "1e+20 km border")
        XCTAssertEqual(Quantity(value: 600, unit: "km", what: "border still in dispute").text, "600 km border still in dispute")
        XCTAssertEqual(Quantity(value: 0.5, unit: "t", what: "aid").amount, "0.5 t")
    }

    func testAPeriodReadsAsItsStartEndAndWhetherItLasts() {
        let cases: [(Relation, text: String, range: String, years: String?)] = [
            (relation(.alliance, "2001", "2005-03"), "2001 – 2005-03", "2001 to 2005-03", "2001–2005"),
            (relation(.incident, "2006-07-22", "2006-07-22"), "2006-07-22", "2006-07-22 to 2006-07-22", "2006"),
            (relation(.alliance, "2003", nil), "since 2003", "from 2003", "since 2003"),
            (relation(.alliance, "2003", nil, status: .ended), "2003", "from 2003", "2003"),
            (relation(.incident, "2006-07", nil), "2006-07", "2006-07", "2006"),
            (relation(.alliance, nil, "1999"), "until 1999", "until 1999", "until 1999"),
            (relation(.alliance, nil, nil), "undated", "undated", nil),
        ]
        for (relation, text, range, years) in cases {
            XCTAssertEqual(relation.period.text, text)
            XCTAssertEqual(relation.period.range, range)
            XCTAssertEqual(relation.period.years, years)
        }
    }
}
