import Foundation
import XCTest
@testable import ReportSite

/// Pins the folder walk behind the build stamp and the removal behind the site swap.
final class FileTreeTests: XCTestCase {
    /// A folder with a file, a nested file, an empty folder and a link to a folder outside it.
    private func tree() throws -> (root: String, outside: String) {
        let parent = try temporaryFolder()
        let root = parent + "/tree", outside = parent + "/outside"
        for folder in [root + "/actors/deep", root + "/empty", outside] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        try Data("a".utf8).write(to: URL(fileURLWithPath: root + "/index.html"))
        try Data("b".utf8).write(to: URL(fileURLWithPath: root + "/actors/deep/b.html"))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/keep.txt"))
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: outside)
        return (root, outside)
    }

    func testTheWalkGivesEveryEntryOnceWithoutFollowingLinks() throws {
        let (root, _) = try tree()
        var seen: [String: mode_t] = [:]
        XCTAssertTrue(FileTree.walk(root) { relative, status in
            seen[relative] = status.st_mode & S_IFMT
            return true
        })
        XCTAssertEqual(seen, ["index.html": S_IFREG, "actors": S_IFDIR, "actors/deep": S_IFDIR, "actors/deep/b.html": S_IFREG,
                              "empty": S_IFDIR, "link": S_IFLNK])
        XCTAssertFalse(FileTree.walk(root + "/missing") { _, _ in true })
        XCTAssertEqual(BuildStamp.listing(of: root)?.map { $0.split(separator: "\t")[0] }, ["actors/deep/b.html", "index.html", "link"])
    }

    func testRemovingATreeRemovesLinksButNotWhatTheyPointTo() throws {
        let (root, outside) = try tree()
        FileTree.remove(root)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root))
        XCTAssertEqual(try String(contentsOfFile: outside + "/keep.txt", encoding: .utf8), "keep")
        FileTree.remove(root)
    }
}
