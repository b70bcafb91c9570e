@testable import GraphvizRendering
import Foundation
import XCTest

/// Pins the on-disk cache: keys, hits, misses, and that a diagram is one file written whole or not at all.
final class RenderCacheTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "relmap-cache-\(UUID().uuidString)"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private let job = TestSupport.job("views/a", "digraph { a -> b }", formats: [.svg, .png])

    func testTheKeyChangesWithEverythingThatChangesTheOutput() {
        let key = RenderCache.key(for: job)
        XCTAssertEqual(key.count, 64)
        XCTAssertEqual(key, RenderCache.key(for: job))
        var variants = [job, job, job, job]
        variants[0].dot += " "
        variants[1].engine = .neato
        variants[2].formats = [.svg]
        variants[3].fallbackEngine = .sfdp
        XCTAssertEqual(Set(variants.map { RenderCache.key(for: $0) } + [key, RenderCache.key(for: job, graphviz: "another Graphviz")]).count, 6)
        var renamed = job
        renamed.id = "views/b"
        renamed.formats = [.png, .svg, .png]
        XCTAssertEqual(RenderCache.key(for: renamed), key)
    }

    func testAStoredDiagramIsAHitWithTheSameBytesFromOneFile() throws {
        let cache = RenderCache(directory: directory)
        XCTAssertNil(cache.cached(job))
        var diagram = try InProcessRenderer.render(job)
        diagram.warnings = ["a warning\nover two lines"]
        try cache.store(diagram, for: job)
        let hit = try XCTUnwrap(cache.cached(job))
        XCTAssertEqual(hit.outputs, diagram.outputs)
        XCTAssertEqual(hit.outputs[.svg]?.startIndex, 0)
        XCTAssertEqual(hit.id, job.id)
        XCTAssertEqual(hit.engineUsed, .dot)
        XCTAssertEqual(hit.warnings, diagram.warnings)
        let key = RenderCache.key(for: job)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["\(key).diagram"])
    }

    func testTheDOTSourceIsNotStoredAndAHitGivesItBackFromTheJob() throws {
        let cache = RenderCache(directory: directory)
        let withSource = TestSupport.job("views/a", "digraph { source_only_in_the_key -> b }", formats: [.svg, .dot])
        let diagram = try InProcessRenderer.render(withSource)
        XCTAssertEqual(diagram.outputs[.dot], Data(withSource.dot.utf8))
        try cache.store(diagram, for: withSource)
        let file = try XCTUnwrap(FileManager.default.contents(atPath: cache.path(for: withSource)))
        XCTAssertEqual(try XCTUnwrap(RenderCache.decode(file)).outputs.keys.sorted { $0.rawValue < $1.rawValue }, [.svg])
        XCTAssertNil(file.range(of: Data("digraph {".utf8)))
        XCTAssertEqual(try XCTUnwrap(cache.cached(withSource)).outputs, diagram.outputs)
    }

    func testAFileCutShortOrLengthenedOrMissingAFormatIsAMiss() throws {
        let cache = RenderCache(directory: directory)
        try cache.store(try InProcessRenderer.render(job), for: job)
        let path = cache.path(for: job)
        let whole = try XCTUnwrap(FileManager.default.contents(atPath: path))
        for damaged in [whole.dropLast(1), whole + Data([0]), whole.prefix(30), Data()] {
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            XCTAssertNil(cache.cached(job))
        }
        var svgOnly = job
        svgOnly.formats = [.svg]
        try cache.store(try InProcessRenderer.render(svgOnly), for: job)
        XCTAssertNil(cache.cached(job))
    }

    func testAnyDamagedByteIsAMissAndTheNextStoreReplacesTheEntry() throws {
        let cache = RenderCache(directory: directory)
        try cache.store(try InProcessRenderer.render(job), for: job)
        let path = cache.path(for: job)
        let whole = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let svg = try XCTUnwrap(cache.cached(job)?.outputs[.svg])
        let digit = try XCTUnwrap(whole.firstRange(of: Data("width=\"".utf8))).upperBound
        // A digit of the SVG, a byte of the header, of the checksum, of the first line's version.
        for offset in [digit, whole.count / 2, 25, 20, whole.count - 1] {
            var damaged = whole
            damaged[offset] = damaged[offset] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
            try damaged.write(to: URL(fileURLWithPath: path))
            XCTAssertNil(cache.cached(job), "a change at byte \(offset) went unnoticed")
        }
        try cache.store(try InProcessRenderer.render(job), for: job)
        XCTAssertEqual(cache.cached(job)?.outputs[.svg], svg)
    }

    func testAFallbackRenderOrOneByAGraphvizWithoutTextLayoutIsNeverStored() throws {
        let cache = RenderCache(directory: directory)
        var fallback = try InProcessRenderer.render(job)
        fallback.usedFallback = true
        XCTAssertFalse(try cache.store(fallback, for: job))
        var degraded = try InProcessRenderer.render(job)
        degraded.drawnByDegradedGraphviz = true
        XCTAssertFalse(try cache.store(degraded, for: job))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory))
        XCTAssertNil(cache.cached(job))
    }

    func testADiagramOfAnotherGraphvizInstallationIsAMiss() throws {
        try RenderCache(directory: directory, graphviz: "one").store(try InProcessRenderer.render(job), for: job)
        XCTAssertNotNil(RenderCache(directory: directory, graphviz: "one").cached(job))
        XCTAssertNil(RenderCache(directory: directory, graphviz: "another").cached(job))
    }

    func testAStoreThatFailsLeavesNoFileAndNoTemporaryFile() throws {
        let cache = RenderCache(directory: directory)
        try FileManager.default.createDirectory(atPath: cache.path(for: job) + "/blocker", withIntermediateDirectories: true)
        XCTAssertThrowsError(try cache.store(try InProcessRenderer.render(job), for: job))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        XCTAssertFalse(files.contains { $0.hasSuffix(".tmp") })
        XCTAssertNil(cache.cached(job))
    }
}
