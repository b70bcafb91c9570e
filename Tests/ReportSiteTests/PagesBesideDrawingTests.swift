import Foundation
@testable import ReportSite
import Synchronization
import XCTest

/// Pins the pages written beside the drawing: each waits for the diagrams it shows, and the site is the same
/// as when every page is written after the drawing.
final class PagesBesideDrawingTests: XCTestCase {
    private static func page(_ path: String, showing diagrams: [String], fails: Bool = false) -> Page {
        var page = Page(path: path) {
            if fails { throw CocoaError(.fileWriteUnknown) }
            return Data(path.utf8)
        }
        page.diagrams = diagrams
        return page
    }

    private func drawn(_ id: String) -> SiteDiagram {
        SiteDiagram(id: id, title: id, caption: "")
    }

    func testAPageIsWrittenOnlyOnceEveryDiagramItShowsIsDrawnAndFinishingWritesTheRest() throws {
        var context = try SampleSite.context()
        context.processors = 2
        context.diagrams["drawn-before"] = drawn("drawn-before")
        let generator = PageGenerator("test pages", startsBeforeDrawing: true) { _ in
            [Self.page("a.html", showing: ["one"]), Self.page("b.html", showing: []), Self.page("c.html", showing: ["one", "two"]),
             Self.page("d.html", showing: ["drawn-before"])]
        }
        let pages = try PagesBesideDrawing([generator], context: context)
        XCTAssertFalse(context.site.contains("a.html"))
        XCTAssertFalse(context.site.contains("c.html"))
        context.diagrams["one"] = drawn("one")
        pages.drawn("one")
        XCTAssertFalse(context.site.contains("c.html"), "c.html still waits for the second diagram")
        XCTAssertNil(pages.finish())
        XCTAssertEqual(context.site.paths, ["a.html", "b.html", "c.html", "d.html"])
    }

    func testTheFirstFailingPageInListOrderIsReportedWithItsKind() throws {
        let context = try SampleSite.context()
        let generator = PageGenerator("test pages", startsBeforeDrawing: true) { _ in
            [Self.page("a.html", showing: []), Self.page("b.html", showing: ["never"], fails: true), Self.page("c.html", showing: [], fails: true)]
        }
        let failure = try PagesBesideDrawing([generator], context: context).finish()
        XCTAssertEqual(failure?.generator.name, "test pages")
        XCTAssertEqual(failure?.error.path, "b.html")
    }

    func testCancellingDropsThePagesStillWaiting() throws {
        let context = try SampleSite.context()
        let generator = PageGenerator("test pages", startsBeforeDrawing: true) { _ in
            [Self.page("a.html", showing: ["never"])]
        }
        let pages = try PagesBesideDrawing([generator], context: context)
        pages.cancel()
        XCTAssertFalse(context.site.contains("a.html"))
    }

    func testPagesWrittenBesideTheDrawingAreTheBytesOfPagesWrittenAfterIt() throws {
        let model = SampleSite.model()
        let plan = SampleDiagrams.plan(for: model)
        // Slow batches, so that a page released before its diagram is drawn would be written without it.
        let slow: DiagramDrawing.RenderBatch = { jobs, progress in
            Thread.sleep(forTimeInterval: 0.05)
            return SampleDiagrams.inProcess(jobs, progress)
        }
        let drawing = DiagramDrawing(cache: nil, processors: 2, render: slow)
        let beside = try SiteBuilder(steps: [drawing.step(plan)] + SiteBuilder.pageSteps).build(try SampleSite.context(model: model))
        let after = try SiteBuilder(steps: [drawing.step(plan, startingPages: [])] + SiteBuilder.pageSteps)
            .build(try SampleSite.context(model: model))
        XCTAssertEqual(beside, after)
        XCTAssertTrue(try XCTUnwrap(beside.text(at: "actors/kyrgyzstan.html")).contains(#"id="focus-kyrgyzstan-title""#))
    }

    func testAnActorPageThatCannotBeMadeBesideTheDrawingNamesItsStepAndFile() throws {
        let templates = try TemplateSet(defaults: SampleSite.templatesFolder)
        var broken = templates.templates
        broken["actor"] = nil
        let context = try SampleSite.context(templates: try TemplateSet(templates: broken, assets: templates.assets))
        let drawing = DiagramDrawing(cache: nil, render: SampleDiagrams.inProcess)
        let steps = [drawing.step(SampleDiagrams.plan(for: context.model))] + SiteBuilder.pageSteps
        XCTAssertThrowsError(try SiteBuilder(steps: steps).build(context)) { error in
            let failure = error as? BuildError
            XCTAssertEqual(failure?.step, "Write actor pages")
            XCTAssertEqual(failure?.path, "actors/kurmanbek-bakiev.html")
        }
    }

    func testPagesTheDrawingStartedAreWrittenWhenNoLaterStepWritesThem() throws {
        let model = SampleSite.model()
        let drawing = DiagramDrawing(cache: nil, render: SampleDiagrams.inProcess)
        let site = try SiteBuilder(steps: [drawing.step(SampleDiagrams.plan(for: model), startingPages: [.actors])])
            .build(try SampleSite.context(model: model))
        XCTAssertTrue(try XCTUnwrap(site.text(at: "actors/kyrgyzstan.html")).contains(#"id="focus-kyrgyzstan-title""#))
        XCTAssertNil(site["index.html"], "a kind the drawing did not start waits for its own step")
        let plan = SampleDiagrams.plan(for: model)
        let every = try SiteBuilder(steps: [drawing.step(plan)]).build(try SampleSite.context(model: model))
        let viewPages = plan.views.map { "views/\($0.entry.id).html" }
        XCTAssertFalse(viewPages.isEmpty)
        for path in ["index.html", "timeline.html", "sources/hamm-2006-thaw.html", "search.html"] + viewPages {
            XCTAssertNotNil(every[path], "\(path): every kind starts beside the drawing")
        }
    }

    func testPagesBesideTheDrawingRunOnlyOnIdleCoresAndThoseLeftWhenItEndsAtTheUsualPriority() throws {
        let policies = PolicyLog()
        @Sendable func page(_ path: String, showing diagrams: [String]) -> Page {
            var page = Page(path: path) {
                policies.record(path)
                return Data(path.utf8)
            }
            page.diagrams = diagrams
            return page
        }
        let context = try SampleSite.context()
        let generator = PageGenerator("test pages", startsBeforeDrawing: true) { _ in
            [page("early.html", showing: []), page("late.html", showing: ["never drawn"])]
        }
        let pages = try PagesBesideDrawing([generator], context: context)
        let deadline = Date().addingTimeInterval(10)
        while !context.site.contains("early.html"), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertNil(pages.finish())
        let schedIdle: Int32 = 5
        XCTAssertEqual(policies["early.html"], schedIdle)
        XCTAssertEqual(policies["late.html"], Int32(SCHED_OTHER))
    }
}

/// The scheduling policy of the thread that made each page.
private final class PolicyLog: Sendable {
    private let policies = Mutex<[String: Int32]>([:])

    func record(_ path: String) {
        var policy: Int32 = -1
        var parameters = sched_param()
        pthread_getschedparam(pthread_self(), &policy, &parameters)
        policies.withLock { $0[path] = policy }
    }

    subscript(path: String) -> Int32? { policies.withLock { $0[path] } }
}
