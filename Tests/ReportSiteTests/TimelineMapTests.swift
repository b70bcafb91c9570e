import XCTest
import RelationModel
@testable import ReportSite

/// Pins which years of the timeline get a map: every year in a network of up to 300 actors, the first year of
/// every five and the last beyond.
final class TimelineMapTests: XCTestCase {
    let years = [1988, 1990, 1991, 1994, 1995, 1999, 2003, 2004]

    func testEveryYearWithEventsGetsAMapInANetworkOfUpToThreeHundredActors() {
        XCTAssertEqual(TimelineBody.mappedYears(years, networkActors: 300), years)
    }

    func testALargerNetworkGetsAMapForTheFirstYearOfEachFiveAndTheLastYear() {
        XCTAssertEqual(TimelineBody.mappedYears(years, networkActors: 301), [1988, 1990, 1995, 2003, 2004])
    }

    func testTheTimelineSaysWhySomeYearsHaveNoMapOnlyWhenSomeDo() {
        XCTAssertNil(TimelineBody.mapNote(mapped: 2, of: 2))
        XCTAssertNil(TimelineBody.mapNote(mapped: 0, of: 1))
        XCTAssertEqual(TimelineBody.mapNote(mapped: 1, of: 2),
                       "The network has more than 300 actors, so a map is drawn for the first year of every five and for the last year; the years between list their relations only.")
    }

    func testYearsWithoutAPageAreTheOnesBetweenTheFirstAndLastWithNothingDated() {
        XCTAssertEqual(TimelineBody.yearsWithoutPage(between: years), [1989, 1992, 1993, 1996, 1997, 1998, 2000, 2001, 2002])
        XCTAssertEqual(TimelineBody.yearsWithoutPage(between: [2003, 2004]), [])
        XCTAssertEqual(TimelineBody.yearsWithoutPage(between: [2003]), [])
    }

    func testTheNoteOnYearsWithoutAPageNamesConsecutiveYearsAsOneSpan() {
        XCTAssertNil(TimelineBody.gapNote([]))
        XCTAssertEqual(TimelineBody.gapNote([2004]), "No page for 2004: nothing in the model began, happened or ended in it.")
        XCTAssertEqual(TimelineBody.gapNote([2004, 2014, 2015]),
                       "No page for 2004 or 2014–2015: nothing in the model began, happened or ended in them.")
        XCTAssertEqual(TimelineBody.gapNote([1989, 1992, 1993, 1996]),
                       "No page for 1989, 1992–1993 or 1996: nothing in the model began, happened or ended in them.")
    }

    func testAnEventWithAPeriodOfItsOwnIsListedWhenItHappensAndWhenItsPeriodEnds() {
        let here = SampleSite.here
        let sample = SampleSite.model()
        let programs = Relation(id: "programs", type: .agreement, participants: ["kyrgyzstan", "uzbekistan"],
                                start: PartialDate(year: 2006), end: PartialDate(year: 2008), status: .agreed,
                                summary: "Cultural programs for 2006-2008.",
                                evidence: [Evidence(source: "hamm-2006-thaw", paragraph: 6, location: here)], location: here)
        let calendar = TimelineCalendar(model: RelationModel(sources: sample.sources, actors: sample.actors,
                                                             relations: sample.relations + [programs]))
        XCTAssertEqual(calendar.events[2006]?.contains { $0.id == "programs" }, true)
        XCTAssertEqual(calendar.ended[2008]?.map(\.id), ["programs"])
        XCTAssertTrue(calendar.years.contains(2008))
        XCTAssertNil(calendar.ended[2006]?.first { $0.id == "programs" }, "an event is not listed as ending the year it happens")
    }

    func testTheTimelineCountsTheLastingRelationsInForceAsEachRelationReadsItsDates() {
        let model = SampleSite.model()
        let calendar = TimelineCalendar(model: model)
        for year in (calendar.years.first! - 1)...(calendar.years.last! + 1) {
            XCTAssertEqual(calendar.inForce(in: year), model.relations.filter { $0.type.isLasting && $0.isInForce(in: year) }.count, "\(year)")
        }
    }
}

extension TimelineMapTests {
    func testEveryMappedYearGetsTheMapViewsAsOfThatYearInTheirOneFrame() throws {
        let model = SampleSite.model()
        let plan = DiagramPlan.fromViews(of: model, processors: 2)
        XCTAssertFalse(plan.yearMaps.isEmpty)
        for (year, maps) in plan.yearMaps {
            XCTAssertNotNil(plan.years[year], "\(year) has an overview map too")
            XCTAssertTrue(maps.allSatisfy { $0.engine == .nop2 }, "\(year)'s map views are maps")
            XCTAssertEqual(maps.map(\.id), maps.map(\.id).filter { id in ["alliances", "deployments", "disputes"].contains { id == "\($0)-\(year)" } })
            XCTAssertTrue(maps.allSatisfy { !$0.isVectorOnly }, "a small network's yearly maps get every format")
        }
        XCTAssertEqual(Set(plan.all.map(\.id)).count, plan.all.count, "no diagram id is planned twice")
    }
}
