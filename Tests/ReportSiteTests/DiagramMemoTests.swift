import Foundation
import GraphvizRendering
import SiteLayout
import Synchronization
import XCTest
@testable import ReportSite

/// Pins the diagram memo: a diagram planned and asked for exactly as in the last build is taken from that
/// build's site, hard-linked, without the render cache or Graphviz; anything else is finished again.
final class DiagramMemoTests: XCTestCase {
    /// Which diagrams Graphviz was asked to draw, and what was warned.
    final class Drawn: Sendable {
        let ids = Mutex<[String]>([])
        let warnings = Mutex<[String]>([])

        var render: DiagramDrawing.RenderBatch {
            { [self] jobs, progress in
                ids.withLock { $0 += jobs.map(\.id) }
                return SampleDiagrams.inProcess(jobs, progress)
            }
        }
    }

    /// Builds the sample site's diagrams and pages into `output` without a render cache, staged and swapped
    /// in as `relmap build` does, with `memo`, and saves the memo.
    func build(_ plan: DiagramPlan, into output: String, memo: DiagramMemo, drawn: Drawn = Drawn()) throws {
        let writer = SiteWriter(output: output)
        var context = try SampleSite.context(model: SampleSite.model())
        context.diagramMemo = memo
        context.site = try writer.stage()
        let drawing = DiagramDrawing(cache: nil, processors: 2, warn: { warning in drawn.warnings.withLock { $0.append(warning) } },
                                     render: drawn.render)
        let site = try SiteBuilder(steps: [drawing.step(plan)] + SiteBuilder.pageSteps).build(context)
        try writer.commit(site)
        memo.save(in: writer.cacheFolder)
    }

    func diagramFiles(in output: String) throws -> [String: (inode: UInt64, bytes: Data)] {
        var files: [String: (inode: UInt64, bytes: Data)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: output + "/diagrams") {
            let path = "\(output)/diagrams/\(name)"
            var status = stat()
            XCTAssertEqual(stat(path, &status), 0)
            files[name] = (UInt64(status.st_ino), try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return files
    }

    func testADiagramPlannedAlikeIsLinkedFromTheLastSiteWithoutTheCacheOrGraphviz() throws {
        let output = try temporaryFolder() + "/output"
        let plan = SampleDiagrams.plan(for: SampleSite.model())
        let first = Drawn()
        try build(plan, into: output, memo: DiagramMemo(program: "p"), drawn: first)
        XCTAssertEqual(first.ids.withLock { $0 }.count, plan.all.count)
        let before = try diagramFiles(in: output)

        let second = Drawn()
        let memo = DiagramMemo.load(from: SiteWriter(output: output).cacheFolder, program: "p")
        try build(plan, into: output, memo: memo, drawn: second)
        XCTAssertEqual(second.ids.withLock { $0 }, [], "no render cache: every diagram came from the last site")
        XCTAssertEqual(memo.recordedCount, plan.all.count, "the next build can take them again")
        let after = try diagramFiles(in: output)
        XCTAssertEqual(Set(after.keys), Set(before.keys))
        for (name, file) in after {
            XCTAssertEqual(file.bytes, before[name]?.bytes, name)
            XCTAssertEqual(file.inode, before[name]?.inode, "\(name) is the last build's file, linked")
        }
    }

    func testARetitledDiagramOrOneWhoseFileWasEditedOnDiskIsFinishedAgainAndTheRestLinked() throws {
        let output = try temporaryFolder() + "/output"
        var plan = SampleDiagrams.plan(for: SampleSite.model())
        try build(plan, into: output, memo: DiagramMemo(program: "p"))
        let before = try diagramFiles(in: output)
        // The network view is written in every format; its DOT file is the last one linked, so the formats linked
        // before it are taken back when it no longer matches.
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: output + "/diagrams/network.dot"))
        let retitled = plan.actors.keys.sorted()[0]
        plan.actors[retitled]!.title = "Retitled"

        let drawn = Drawn()
        try build(plan, into: output, memo: DiagramMemo.load(from: SiteWriter(output: output).cacheFolder, program: "p"), drawn: drawn)
        XCTAssertEqual(Set(drawn.ids.withLock { $0 }), ["network", plan.actors[retitled]!.id])
        let after = try diagramFiles(in: output)
        XCTAssertEqual(after["network.dot"]?.bytes, before["network.dot"]?.bytes, "the edited file is written again")
        XCTAssertTrue(String(decoding: after["\(plan.actors[retitled]!.id).svg"]!.bytes, as: UTF8.self).contains("Retitled"))
        for (name, file) in after where !name.hasPrefix("network.") && !name.hasPrefix(plan.actors[retitled]!.id + ".") {
            XCTAssertEqual(file.inode, before[name]?.inode, name)
        }
    }

    func testWarningsOfADiagramTakenFromTheLastSiteArePrintedAgain() throws {
        let output = try temporaryFolder() + "/output"
        var plan = SampleDiagrams.plan(for: SampleSite.model())
        plan.views[0].diagram.dot = plan.views[0].diagram.dot.replacingOccurrences(of: "#c0392b", with: "nosuchcolour")
        let first = Drawn()
        try build(plan, into: output, memo: DiagramMemo(program: "p"), drawn: first)
        let warnings = first.warnings.withLock { $0 }
        XCTAssertTrue(warnings.contains { $0.contains("network") && $0.contains("nosuchcolour") }, "\(warnings)")

        let second = Drawn()
        try build(plan, into: output, memo: DiagramMemo.load(from: SiteWriter(output: output).cacheFolder, program: "p"), drawn: second)
        XCTAssertEqual(second.ids.withLock { $0 }, [])
        XCTAssertEqual(second.warnings.withLock { $0 }, warnings)
    }

    func testAMemoOfAnotherRelmapIsIgnored() throws {
        let output = try temporaryFolder() + "/output"
        let plan = SampleDiagrams.plan(for: SampleSite.model())
        try build(plan, into: output, memo: DiagramMemo(program: "p"))
        let drawn = Drawn()
        try build(plan, into: output, memo: DiagramMemo.load(from: SiteWriter(output: output).cacheFolder, program: "q"), drawn: drawn)
        XCTAssertEqual(drawn.ids.withLock { $0 }.count, plan.all.count)
    }

    func testADiagramDrawnWithTheFallbackEngineIsNotRemembered() {
        let planned = SampleDiagrams.plan(for: SampleSite.model()).all[0]
        let job = DiagramDrawing.job(for: planned, formats: [.svg])
        let memo = DiagramMemo(program: "p")
        var rendered = RenderedDiagram(id: planned.id, outputs: [.svg: Data("<svg/>".utf8)], warnings: [], engineUsed: .neato, usedFallback: false)
        memo.record(DrawnDiagram(rendered, of: planned), of: planned, job: job)
        XCTAssertEqual(memo.recordedCount, 1)
        rendered.usedFallback = true
        let other = DiagramMemo(program: "p")
        other.record(DrawnDiagram(rendered, of: planned), of: planned, job: job)
        XCTAssertEqual(other.recordedCount, 0)
    }
}
