import XCTest
@testable import ReportSite

/// Pins which years of the timeline get a map: every year in a network of up to 300 actors, the first year of
/// every five and the last beyond.
final class TimelineMapTests: XCTestCase {
    let years = [1988, 1990, 1991, 1994, 1995, 1999, 2003, 2004]

    func testEveryYearWithEventsGetsAMapInANetworkOfUpToThreeHundredActors() {
        XCTAssertEqual(TimelineBody.mappedYears(years, overviewActors: 300), years)
    }

    func testALargerNetworkGetsAMapForTheFirstYearOfEachFiveAndTheLastYear() {
        XCTAssertEqual(TimelineBody.mappedYears(years, overviewActors: 301), [1988, 1990, 1995, 2003, 2004])
    }

    func testTheTimelineSaysWhySomeYearsHaveNoMapOnlyWhenSomeDo() {
        let figure = DiagramFigure(id: "m", title: "M", caption: "", svg: nil, image: nil, legend: [], hasLegend: false,
                                   downloads: [], pageHref: nil, truncated: nil, formatNote: nil)
        func year(_ value: Int, mapped: Bool) -> TimelineBody.Year {
            TimelineBody.Year(year: value, yearAnchor: "y\(value)", previous: nil, previousYear: nil, next: nil, nextYear: nil,
                              figure: mapped ? figure : nil, lists: [], inForce: 0)
        }
        XCTAssertNil(TimelineBody.mapNote(for: [year(1990, mapped: true), year(1991, mapped: true)]))
        XCTAssertNil(TimelineBody.mapNote(for: [year(1990, mapped: false)]))
        XCTAssertEqual(TimelineBody.mapNote(for: [year(1990, mapped: true), year(1991, mapped: false)]),
                       "The network has more than 300 actors, so a map is drawn for the first year of every five and for the last year; the years between list their relations only.")
    }
}
