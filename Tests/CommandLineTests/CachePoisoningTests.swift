import Foundation
import ModelSynthesis
import TestProcesses
import XCTest

/// What one build met (a Graphviz missing a plugin, a damaged cache file) never changes the bytes of the next.
final class CachePoisoningTests: XCTestCase {
    var scratch: Scratch!

    override func setUpWithError() throws {
        scratch = try makeScratch()
        for file in ModelSynthesizer(actors: 12, relations: 20, seed: 9).files() {
            try scratch.write("model/\(file.name)", file.text)
        }
    }

    func build(_ output: String, environment: [String: String] = [:]) throws -> Int32 {
        var build = Subprocess(Subprocess.relmap, ["build", scratch.path("model"), "--out", scratch.path(output), "--quiet"])
        for (name, value) in environment { build.environment[name] = value }
        build.stdout = .discarded
        build.stderr = .discarded
        build.timeout = 300
        return try build.run().status
    }

    /// Graphviz's plugin folder, copied without the pango plugin (text layout, and cairo's PNG and PDF).
    func pluginsWithoutPango() throws -> String {
        let folders = ["/usr/lib/x86_64-linux-gnu/graphviz", "/usr/lib/aarch64-linux-gnu/graphviz", "/usr/lib/graphviz"]
        let folder = try XCTUnwrap(folders.first { FileManager.default.fileExists(atPath: $0 + "/config6a") },
                                   "Graphviz's plugin folder not found")
        let copy = scratch.path("plugins")
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.contains("pango") {
            try FileManager.default.copyItem(atPath: "\(folder)/\(name)", toPath: "\(copy)/\(name)")
        }
        return copy
    }

    func testADegradedGraphvizOrADamagedCacheFilePoisonsNothing() throws {
        XCTAssertEqual(try build("site"), 0)
        let clean = try DirectorySnapshot(scratch.path("site"))
        let cache = scratch.path(".relmap-cache")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".diagram") }.sorted()

        // A build without pango fails, and stores nothing: the cache holds the same entries, byte for byte.
        let before = try DirectorySnapshot(cache).files.filter { $0.key.hasSuffix(".diagram") }
        XCTAssertNotEqual(try build("degraded", environment: ["GVBINDIR": try pluginsWithoutPango()]), 0)
        XCTAssertEqual(try DirectorySnapshot(cache).files.filter { $0.key.hasSuffix(".diagram") }, before)

        // A flipped digit in every entry: each is a miss, drawn again.
        for entry in entries {
            var data = try Data(contentsOf: URL(fileURLWithPath: "\(cache)/\(entry)"))
            let digit = try XCTUnwrap(data.lastIndex { (UInt8(ascii: "1")...UInt8(ascii: "8")).contains($0) })
            data[digit] += 1
            try data.write(to: URL(fileURLWithPath: "\(cache)/\(entry)"))
        }
        // Without the stamp and the diagram memo, the build reads the cache rather than the site's own diagrams.
        try FileManager.default.removeItem(atPath: "\(cache)/site-stamp.json")
        try FileManager.default.removeItem(atPath: "\(cache)/diagrams.json")
        XCTAssertEqual(try build("site"), 0)
        XCTAssertEqual(try DirectorySnapshot(scratch.path("site")), clean)
        XCTAssertEqual(try DirectorySnapshot(cache).files.filter { $0.key.hasSuffix(".diagram") }, before, "damaged entries are replaced")
    }
}
