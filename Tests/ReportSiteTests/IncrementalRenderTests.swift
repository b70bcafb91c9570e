import Foundation
import GraphvizRendering
import RelationModel
import Synchronization
import XCTest
@testable import ReportSite

/// Pins that a rebuild after one relation changes renders exactly the diagrams that relation appears in.
final class IncrementalRenderTests: XCTestCase {
    func testChangingOneRelationRerendersOnlyTheDiagramsThatDrawIt() throws {
        let cache = RenderCache(directory: try temporaryFolder())
        let model = SampleSite.model()
        _ = try build(model, cache: cache)

        var relations = model.relations
        let changed = try XCTUnwrap(relations.firstIndex { $0.id == "kgz-uzb-ct-2006" })
        relations[changed].status = .proposed
        let edited = RelationModel(sources: model.sources, actors: model.actors, relations: relations)
        let rendered = try build(edited, cache: cache).rendered

        let drawingIt = DiagramPlan.fromViews(of: edited).all.filter { $0.relationIDs.contains("kgz-uzb-ct-2006") }.map(\.id)
        XCTAssertFalse(drawingIt.isEmpty)
        XCTAssertEqual(rendered.sorted(), drawingIt.sorted())
        XCTAssertLessThan(rendered.count, DiagramPlan.fromViews(of: edited).all.count)
    }

    func testRewordingASummaryRendersNothingAndTheDrawingsCarryTheNewWords() throws {
        let cache = RenderCache(directory: try temporaryFolder())
        let model = SampleSite.model()
        _ = try build(model, cache: cache)

        var relations = model.relations
        let changed = try XCTUnwrap(relations.firstIndex { $0.id == "kgz-uzb-ct-2006" })
        relations[changed].summary = "The presidents agree to fight terrorism & smuggling together."
        let edited = RelationModel(sources: model.sources, actors: model.actors, relations: relations)
        let (rendered, site) = try build(edited, cache: cache)

        XCTAssertEqual(rendered, [], "tooltips do not change the layout, so the drawings are kept")
        let fresh = try build(edited, cache: RenderCache(directory: try temporaryFolder())).site
        XCTAssertEqual(site, fresh, "a site from kept drawings equals one drawn afresh")
        let focus = try XCTUnwrap(site.text(at: "diagrams/focus-kyrgyzstan.svg"))
        XCTAssertTrue(focus.contains("xlink:title=\"The presidents agree to fight terrorism &amp; smuggling together.&#10;"))
        XCTAssertTrue(try XCTUnwrap(site.text(at: "diagrams/focus-kyrgyzstan.dot")).contains("fight terrorism &amp; smuggling together.\\n"))
    }

    func testDiagramsDrawnWhilePlanningAreDrawnOnceAndTheSiteIsTheSame() throws {
        let model = SampleSite.model()
        let cache = RenderCache(directory: try temporaryFolder())
        let rendering = Mutex<[String]>([])
        let counting: DiagramDrawing.RenderBatch = { jobs, progress in
            rendering.withLock { $0 += jobs.map(\.id) }
            return SampleDiagrams.inProcess(jobs, progress)
        }
        let drawing = DiagramDrawing(cache: cache, render: counting)
        let early = try XCTUnwrap(DrawingWhilePlanning(drawing))
        let plan = DiagramPlan.fromViews(of: model, drawing: early)
        early.waitUntilDrawn()
        early.finish()
        let whilePlanning = rendering.withLock { $0 }
        // The views and focus diagrams, as planned: the yearly maps come after them.
        XCTAssertEqual(Set(whilePlanning), Set(plan.views.map(\.diagram.id) + plan.actors.values.map(\.id)))
        XCTAssertEqual(whilePlanning.count, Set(whilePlanning).count)

        rendering.withLock { $0 = [] }
        let site = try SiteBuilder(steps: [drawing.step(plan)] + SiteBuilder.pageSteps).build(try SampleSite.context(model: model))
        let afterPlanning = rendering.withLock { $0 }
        XCTAssertTrue(Set(afterPlanning).isDisjoint(with: whilePlanning), "nothing is drawn twice")
        XCTAssertEqual((whilePlanning + afterPlanning).sorted(), plan.all.map(\.id).sorted())
        XCTAssertEqual(site, try build(model, cache: RenderCache(directory: try temporaryFolder())).site)
    }

    /// Builds the site from the view catalogue's plan; returns the ids of the diagrams rendered, not cached, and
    /// the site.
    private func build(_ model: RelationModel, cache: RenderCache) throws -> (rendered: [String], site: Site) {
        let rendering = Mutex<[String]>([])
        let counting: DiagramDrawing.RenderBatch = { jobs, progress in
            rendering.withLock { $0 += jobs.map(\.id) }
            return SampleDiagrams.inProcess(jobs, progress)
        }
        let drawing = DiagramDrawing(cache: cache, render: counting)
        let site = try SiteBuilder(steps: [drawing.step(DiagramPlan.fromViews(of: model))] + SiteBuilder.pageSteps)
            .build(try SampleSite.context(model: model))
        return (rendering.withLock { $0 }, site)
    }
}

/// Pins that a diagram drawn by its fallback engine says so on its page.
final class FallbackNoteTests: XCTestCase {
    func testADiagramLaidOutByTheFallbackEngineSaysSoOnItsPage() throws {
        let fallingBack: DiagramDrawing.RenderBatch = { jobs, progress in
            SampleDiagrams.inProcess(jobs, progress).map { result in
                result.map { diagram in
                    var diagram = diagram
                    if diagram.id == "network" {
                        diagram.usedFallback = true
                        diagram.engineUsed = .sfdp
                    }
                    return diagram
                }
            }
        }
        let site = try SampleDiagrams.build(render: fallingBack)
        let page = try XCTUnwrap(site.text(at: "views/network.html"))
        XCTAssertTrue(page.contains("Laid out with sfdp: the dot layout failed or ran past its time limit."))
        XCTAssertFalse(try XCTUnwrap(site.text(at: "actors/kyrgyzstan.html")).contains("Laid out with"))
    }
}
