import Foundation
import PreviewServer
import XCTest

final class SiteFilesTests: XCTestCase {
    var folder: URL!
    var files: SiteFiles!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-site-files-\(UUID().uuidString)")
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("actors"), withIntermediateDirectories: true)
        for name in ["index.html", "actors/index.html", "actors/a b.html", ".relmap-site"] {
            try Data(name.utf8).write(to: site.appendingPathComponent(name))
        }
        try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("out.txt").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("home.html").path, withDestinationPath: "index.html")
        files = SiteFiles(root: site.path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func real(_ path: String) -> String {
        URL(fileURLWithPath: files.root).appendingPathComponent(path).resolvingSymlinksInPath().path
    }

    func testAFileOrAFoldersIndexIsFoundAndAFolderWithoutItsSlashIsRedirected() {
        XCTAssertEqual(files.lookup("/"), .file(real("index.html"), sitePath: "index.html"))
        XCTAssertEqual(files.lookup("/actors/"), .file(real("actors/index.html"), sitePath: "actors/index.html"))
        XCTAssertEqual(files.lookup("/actors/a b.html"), .file(real("actors/a b.html"), sitePath: "actors/a b.html"))
        XCTAssertEqual(files.lookup("/actors"), .redirect("/actors/"))
        XCTAssertEqual(files.lookup("//actors//a b.html"), .file(real("actors/a b.html"), sitePath: "actors/a b.html"))
        XCTAssertEqual(files.lookup("/missing.html"), .notFound)
    }

    func testDotSegmentsAreRefusedAndDotFilesAreNotServed() {
        for path in ["/..", "/../secret.txt", "/actors/../../secret.txt", "/./index.html", "/actors/..", "relative.html", "/a\0b"] {
            XCTAssertEqual(files.lookup(path), .badRequest, path)
        }
        XCTAssertEqual(files.lookup("/.relmap-site"), .notFound)
        XCTAssertEqual(files.lookup("/..%2f"), .notFound, "a name that is not a dot segment is only a missing file")
    }

    func testASymbolicLinkIsFollowedOnlyWhenItStaysInsideTheSite() {
        XCTAssertEqual(files.lookup("/out.txt"), .notFound)
        XCTAssertEqual(files.lookup("/up/secret.txt"), .notFound)
        XCTAssertEqual(files.lookup("/up/"), .notFound)
        XCTAssertEqual(files.lookup("/home.html"), .file(real("index.html"), sitePath: "home.html"))
    }

    func testASiteThatIsNotThereHasNoFiles() {
        XCTAssertEqual(SiteFiles(root: folder.appendingPathComponent("none").path).lookup("/"), .notFound)
    }
}
