import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizRendering
import SiteLayout
import Synchronization
import Views
import XCTest
@testable import ReportSite

final class DiagramDrawingTests: XCTestCase {
    func testViewDiagramsAreWrittenInEveryFormatAndFocusDiagramsAsSVGAndDOTByDefault() throws {
        let site = try SampleDiagrams.build()
        for format in ["svg", "png", "pdf", "dot"] {
            XCTAssertNotNil(site["diagrams/network.\(format)"], format)
        }
        XCTAssertNotNil(site["diagrams/focus-kyrgyzstan.svg"])
        XCTAssertNotNil(site["diagrams/focus-kyrgyzstan.dot"])
        XCTAssertNil(site["diagrams/focus-kyrgyzstan.png"])
        XCTAssertNil(site["diagrams/focus-kyrgyzstan.pdf"])
        let view = try XCTUnwrap(site.text(at: "views/network.html"))
        XCTAssertTrue(view.contains(#"href="../diagrams/network.pdf""#))
        XCTAssertTrue(view.contains("<svg"))
        let actor = try XCTUnwrap(site.text(at: "actors/kyrgyzstan.html"))
        XCTAssertTrue(actor.contains(#"href="../diagrams/focus-kyrgyzstan.svg""#))
        XCTAssertFalse(actor.contains("focus-kyrgyzstan.png"), "the page offers only the files that exist")
        XCTAssertEqual(LinkChecker(site: site).problems(), [])
    }

    func testACacheThatCannotBeWrittenIsWarnedAboutOnceAndEveryDiagramIsStillDrawnInOrder() throws {
        let folder = NSTemporaryDirectory() + "relmap-cache-file-\(UUID().uuidString)"
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = SampleSite.model()
        let diagrams = SampleDiagrams.plan(for: model).all
        let batches = Array(repeating: diagrams, count: 2 * DiagramDrawing.batchSize / diagrams.count + 1).enumerated()
            .flatMap { copy, diagrams in diagrams.map { diagram in
                var renamed = diagram
                renamed.id = "\(diagram.id)-\(copy)"
                return renamed
            } }
        let warned = Mutex<[String]>([])
        var delivered: [String] = []
        let drawing = DiagramDrawing(cache: RenderCache(directory: folder + "/cache"), processors: 1,
                                     warn: { warning in warned.withLock { $0.append(warning) } }, render: SampleDiagrams.inProcess)
        try drawing.draw(batches, progress: nil) { planned, _ in delivered.append(planned.id) }
        let warnings = warned.withLock { $0 }
        XCTAssertEqual(warnings.filter { $0.contains("cannot write the render cache") }.count, 1, "\(warnings)")
        let ordered = batches.sorted { ($0.dot.utf8.count, $1.id) > ($1.dot.utf8.count, $0.id) }.map(\.id)
        XCTAssertEqual(delivered, ordered)
        XCTAssertGreaterThan(DiagramDrawing.batches(batches.sorted { $0.dot.utf8.count > $1.dot.utf8.count }).count, 2)
    }

    func testFocusFormatsChooseWhichFilesActorDiagramsGetAndAPageWithoutAPNGSaysHowToGetOne() throws {
        let site = try SampleDiagrams.build(focusFormats: [.svg, .png, .pdf, .dot])
        for format in ["svg", "png", "pdf", "dot"] {
            XCTAssertNotNil(site["diagrams/focus-kyrgyzstan.\(format)"], format)
        }
        let page = try XCTUnwrap(site.text(at: "actors/kyrgyzstan.html"))
        XCTAssertTrue(page.contains(#"href="../diagrams/focus-kyrgyzstan.png""#))
        XCTAssertFalse(page.contains("--focus-formats"))
        let vectorOnly = try XCTUnwrap(try SampleDiagrams.build().text(at: "actors/kyrgyzstan.html"))
        XCTAssertFalse(vectorOnly.contains(#"href="../diagrams/focus-kyrgyzstan.png""#))
        XCTAssertTrue(vectorOnly.contains("No PNG or PDF: actors&#39; diagrams are drawn as SVG and DOT unless relmap build is given --focus-formats svg,png,pdf,dot."))
    }

    func testADiagramOfMoreActorsThanTheLimitGetsNoPNGOrPDFIsShownAsAnImageAndThePageSaysWhy() throws {
        let model = SampleSite.model()
        var plan = SampleDiagrams.plan(for: model)
        plan.views[0].diagram.actorIDs = (0...DiagramDrawing.largeDiagramActors).map { "actor-\($0)" }
        let drawing = DiagramDrawing(cache: nil, render: SampleDiagrams.inProcess)
        let site = try SiteBuilder(steps: [drawing.step(plan)] + SiteBuilder.pageSteps).build(try SampleSite.context(model: model))
        XCTAssertNotNil(site["diagrams/network.svg"])
        XCTAssertNil(site["diagrams/network.png"])
        XCTAssertNil(site["diagrams/network.pdf"])
        let view = try XCTUnwrap(site.text(at: "views/network.html"))
        XCTAssertTrue(view.contains("No PNG or PDF, and shown as an image: the diagram has more than \(DiagramDrawing.largeDiagramActors) actors"))
        XCTAssertTrue(view.contains(#"<img class="diagram-image" src="../diagrams/network.svg" alt="#), view)
        XCTAssertFalse(view.contains("<svg width="), "a large diagram is not inserted into the page (only its legend's symbols are)")
        XCTAssertEqual(LinkChecker(site: site).problems(), [])
    }

    func testInlineDiagramsCarryPrefixedIdsAndLinksThatWorkFromTheirPage() throws {
        let site = try SampleDiagrams.build()
        let index = try XCTUnwrap(site.text(at: "index.html"))
        XCTAssertTrue(index.contains(#"href="actors/kyrgyzstan.html""#), "links in the index's map are rebased to the root")
        XCTAssertFalse(index.contains("<?xml"))
        let actor = try XCTUnwrap(site.text(at: "actors/kyrgyzstan.html"))
        XCTAssertTrue(actor.contains(#"id="focus-kyrgyzstan-title""#))
        XCTAssertTrue(actor.contains(#"role="img""#))
    }

    func testAStandaloneSVGNamesItsViewAndThePageInlinesItWithOneTitleAndIdsPrefixedOnce() throws {
        let site = try SampleDiagrams.build()
        let file = try XCTUnwrap(site.text(at: "diagrams/network.svg"))
        XCTAssertTrue(file.contains(#"<svg role="img" aria-labelledby="network-title network-desc" width=""#), String(file.prefix(600)))
        XCTAssertTrue(file.contains(#"<title id="network-title">The whole network</title>"#))
        XCTAssertTrue(file.contains(#"<desc id="network-desc">The whole network. Sources: sample.</desc>"#))
        XCTAssertTrue(file.contains(#"font-family="DejaVu Sans,sans-serif""#))
        XCTAssertFalse(file.contains(#"font-family="DejaVu Sans""#))
        XCTAssertTrue(XMLParser(data: Data(file.utf8)).parse())
        let view = try XCTUnwrap(site.text(at: "views/network.html"))
        XCTAssertEqual(view.components(separatedBy: #"id="network-title""#).count, 2, "one title")
        XCTAssertEqual(view.components(separatedBy: "role=\"img\"").count, 2)
        XCTAssertFalse(view.contains(#"id="network-network-"#), "ids are prefixed once")
        XCTAssertTrue(view.contains(#"<svg width="100%" style="max-width: "#))
    }

    func testTheTimelineShowsTheAsOfMapOfEachYear() throws {
        let site = try SampleDiagrams.build()
        for year in [2001, 2006, 2012] {
            let page = try XCTUnwrap(site.text(at: SitePath.timelineYear(year)))
            XCTAssertTrue(page.contains(#"id="figure-network-\#(year)""#), "\(year)")
        }
    }

    func testARebuildWithAWarmCacheRendersNothingAndGivesTheSameBytes() throws {
        let cache = RenderCache(directory: try temporaryFolder())
        let first = try SampleDiagrams.build(cache: cache)
        let rendered = Mutex(0)
        let counting: DiagramDrawing.RenderBatch = { jobs, progress in
            rendered.withLock { $0 += jobs.count }
            return SampleDiagrams.inProcess(jobs, progress)
        }
        let second = try SampleDiagrams.build(cache: cache, render: counting)
        XCTAssertEqual(rendered.withLock { $0 }, 0)
        XCTAssertEqual(first, second)
    }

    func testAProcessTakesDiagramsPlannedAlikeFinishedFromItsEarlierBuildAndFinishesChangedOnesAgain() throws {
        let diagrams = SampleDiagrams.plan(for: SampleSite.model()).all
        let finished = FinishedDiagrams()
        let rendered = Mutex<[String]>([])
        let counting: DiagramDrawing.RenderBatch = { jobs, progress in
            rendered.withLock { $0 += jobs.map(\.id) }
            return SampleDiagrams.inProcess(jobs, progress)
        }
        func draw(_ diagrams: [PlannedDiagram]) throws -> [String: Data] {
            var drawing = DiagramDrawing(cache: nil, processors: 2, render: counting)
            drawing.finished = finished
            var files: [String: Data] = [:]
            try drawing.draw(diagrams, progress: nil) { planned, drawn in files[planned.id] = drawn.files.outputs[.svg] }
            return files
        }
        let first = try draw(diagrams)
        XCTAssertEqual(rendered.withLock { $0 }.count, diagrams.count)
        XCTAssertEqual(finished.count, diagrams.count)
        rendered.withLock { $0 = [] }
        XCTAssertEqual(try draw(diagrams), first, "nothing to render, no cache: every diagram comes from the earlier build")
        XCTAssertEqual(rendered.withLock { $0 }, [])
        var retitled = diagrams
        retitled[0].title = "Retitled"
        let third = try draw(retitled)
        XCTAssertEqual(rendered.withLock { $0 }, [retitled[0].id])
        XCTAssertTrue(String(decoding: third[retitled[0].id]!, as: UTF8.self).contains("Retitled"))
        XCTAssertEqual(third.filter { $0.key != retitled[0].id }, first.filter { $0.key != retitled[0].id })
    }

    func testFinishedDiagramsKeepNoMoreThanTheirByteLimit() throws {
        let diagrams = SampleDiagrams.plan(for: SampleSite.model()).all
        let finished = FinishedDiagrams(byteLimit: 1)
        var drawing = DiagramDrawing(cache: nil, render: SampleDiagrams.inProcess)
        drawing.finished = finished
        try drawing.draw(diagrams, progress: nil) { _, _ in }
        XCTAssertEqual(finished.count, 0)
    }

    func testTheDrawingStepOwnsItsPlanAndRunsOnce() throws {
        // The step lets each batch's DOT go once it is drawn, so a second run has no plan to draw and says so.
        let drawing = DiagramDrawing(cache: nil, render: SampleDiagrams.inProcess)
        let step = drawing.step(SampleDiagrams.plan(for: SampleSite.model()))
        var context = try SampleSite.context()
        try step.run(&context)
        XCTAssertNotNil(context.diagrams["network"])
        var again = try SampleSite.context()
        XCTAssertThrowsError(try step.run(&again)) { XCTAssertEqual("\($0)", "the drawing step ran twice") }
    }

    func testADiagramGraphvizCannotDrawFailsTheBuildNamingIt() throws {
        let drawing = DiagramDrawing(cache: nil, render: SampleDiagrams.inProcess)
        var plan = DiagramPlan()
        plan.views = [(ViewEntry(id: "broken", title: "Broken", diagram: "broken"), PlannedDiagram(id: "broken", title: "Broken", caption: "", dot: "digraph { a -> "))]
        XCTAssertThrowsError(try SiteBuilder(steps: [drawing.step(plan)] + SiteBuilder.pageSteps).build(try SampleSite.context())) { error in
            XCTAssertEqual((error as? BuildError)?.step, "Draw 1 diagram")
            XCTAssertTrue("\(error)".contains("broken"))
        }
    }

    func testThePlanFromTheViewCatalogGivesViewPagesYearMapsAndAFocusDiagramPerConnectedActor() throws {
        let model = SampleSite.model()
        let plan = DiagramPlan.fromViews(of: model)
        XCTAssertFalse(plan.views.isEmpty)
        XCTAssertFalse(plan.views.contains { $0.entry.id == ActorFocusView.id })
        XCTAssertEqual(plan.overview, "overview")
        XCTAssertEqual(Set(plan.years.keys), [2001, 2006, 2012])
        XCTAssertNotNil(plan.actors["kyrgyzstan"])
        XCTAssertEqual(Set(plan.all.map(\.id)).count, plan.all.count, "diagram ids are unique")

        let drawing = DiagramDrawing(cache: nil, render: SampleDiagrams.inProcess)
        let site = try SiteBuilder(steps: [drawing.step(plan)] + SiteBuilder.pageSteps).build(try SampleSite.context(model: model))
        XCTAssertEqual(LinkChecker(site: site).problems(), [])
        for view in plan.views {
            XCTAssertNotNil(site[SitePath.view(view.entry.id)], view.entry.id)
        }
        XCTAssertTrue(LinkChecker(site: site).reachable().isSuperset(of: site.paths.filter { $0.hasSuffix(".html") }))
    }

    func testAViewsInlineDiagramHasEveryIdUnderTheDiagramsIdOnce() throws {
        let model = SampleSite.model()
        let drawing = DiagramDrawing(cache: nil, render: SampleDiagrams.inProcess)
        let site = try SiteBuilder(steps: [drawing.step(DiagramPlan.fromViews(of: model))] + SiteBuilder.pageSteps)
            .build(try SampleSite.context(model: model))
        let page = try XCTUnwrap(site.text(at: SitePath.view("overview")))
        let start = try XCTUnwrap(page.range(of: "<svg width="))
        let end = try XCTUnwrap(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
        let svg = String(page[start.lowerBound..<end.upperBound])
        let ids = try NSRegularExpression(pattern: #" id="([^"]*)""#).matches(in: svg, range: NSRange(svg.startIndex..., in: svg))
            .map { String(svg[Range($0.range(at: 1), in: svg)!]).replacingOccurrences(of: "&#45;", with: "-") }
        XCTAssertTrue(ids.contains("overview-title"))
        XCTAssertTrue(ids.contains("overview-node-kyrgyzstan"), "\(ids.prefix(8))")
        XCTAssertTrue(ids.contains("a_overview-node-kyrgyzstan"))
        XCTAssertTrue(ids.allSatisfy { $0.hasPrefix("overview-") || $0.hasPrefix("a_overview-") || $0 == "overview" }, "\(ids)")
        XCTAssertFalse(ids.contains { $0.hasPrefix("overview-overview") || $0.contains("-a_overview") }, "ids are prefixed once")
        let file = try XCTUnwrap(site.text(at: "diagrams/overview.svg"))
        XCTAssertTrue(file.contains(#"id="overview&#45;node&#45;kyrgyzstan""#))
        XCTAssertFalse(file.contains(#"id="overview-overview"#), "the file on its own has its ids prefixed once too")
    }
}
