import Foundation
import SystemIO
import XCTest

/// Pins the folder walk behind the build stamp, the listing behind the ownership check and the removal behind
/// the site swap.
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
    }

    func testTheNamesOfAFolderAreItsEntriesWithoutDots() throws {
        let (root, _) = try tree()
        XCTAssertEqual(FileTree.names(in: root)?.sorted(), ["actors", "empty", "index.html", "link"])
        XCTAssertNil(FileTree.names(in: root + "/missing"))
    }

    func testRemovingATreeRemovesLinksButNotWhatTheyPointTo() throws {
        let (root, outside) = try tree()
        FileTree.remove(root)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root))
        XCTAssertEqual(try String(contentsOfFile: outside + "/keep.txt", encoding: .utf8), "keep")
        FileTree.remove(root)
    }
}

extension XCTestCase {
    /// A fresh empty folder under the temporary directory, removed when the test ends.
    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "relmap-system-io-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}
