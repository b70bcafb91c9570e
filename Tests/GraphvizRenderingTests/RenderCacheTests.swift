@testable import GraphvizRendering
import Foundation
import XCTest

/// Pins the on-disk cache: keys, hits, misses and that the metadata is written last.
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
        XCTAssertEqual(Set(variants.map(RenderCache.key(for:)) + [key]).count, 5)
        var renamed = job
        renamed.id = "views/b"
        renamed.formats = [.png, .svg, .png]
        XCTAssertEqual(RenderCache.key(for: renamed), key)
    }

    func testAStoredDiagramIsAHitWithTheSameBytes() throws {
        let cache = RenderCache(directory: directory)
        XCTAssertNil(cache.cached(job))
        let diagram = try InProcessRenderer.render(job)
        try cache.store(diagram, for: job)
        let hit = try XCTUnwrap(cache.cached(job))
        XCTAssertEqual(hit.outputs, diagram.outputs)
        XCTAssertEqual(hit.id, job.id)
        XCTAssertEqual(hit.engineUsed, .dot)
        let key = RenderCache.key(for: job)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory).sorted(), ["\(key).json", "\(key).png", "\(key).svg"])
    }

    func testAMissingFormatOrMissingMetadataIsAMiss() throws {
        let cache = RenderCache(directory: directory)
        try cache.store(try InProcessRenderer.render(job), for: job)
        let key = RenderCache.key(for: job)
        try FileManager.default.removeItem(atPath: cache.path(key, "png"))
        XCTAssertNil(cache.cached(job))
        try cache.store(try InProcessRenderer.render(job), for: job)
        try FileManager.default.removeItem(atPath: cache.path(key, "json"))
        XCTAssertNil(cache.cached(job))
    }

    func testAStoreThatFailsPartWayLeavesNoMetadataAndNoTemporaryFiles() throws {
        let cache = RenderCache(directory: directory)
        let key = RenderCache.key(for: job)
        try FileManager.default.createDirectory(atPath: cache.path(key, "svg") + "/blocker", withIntermediateDirectories: true)
        XCTAssertThrowsError(try cache.store(try InProcessRenderer.render(job), for: job))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        XCTAssertFalse(files.contains("\(key).json"))
        XCTAssertFalse(files.contains { $0.hasSuffix(".tmp") })
        XCTAssertNil(cache.cached(job))
    }

    func testTheMetadataIsWrittenAfterEveryFormat() throws {
        let cache = RenderCache(directory: directory)
        try cache.store(try InProcessRenderer.render(job), for: job)
        let key = RenderCache.key(for: job)
        func modified(_ fileExtension: String) throws -> Date {
            try FileManager.default.attributesOfItem(atPath: cache.path(key, fileExtension))[.modificationDate] as! Date
        }
        XCTAssertGreaterThanOrEqual(try modified("json"), try modified("svg"))
        XCTAssertGreaterThanOrEqual(try modified("json"), try modified("png"))
    }
}
