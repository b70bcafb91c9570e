import Foundation
import SystemIO
import XCTest

/// Pins making folders with the system's own errors, unique folders and the one-step swap.
final class FolderTests: XCTestCase {
    func testMakingFoldersReturnsThoseMadeOutermostFirstAndNamesAFileInTheWay() throws {
        let root = try temporaryFolder()
        XCTAssertEqual(try Folder.make(root + "/a/b/c"), [root + "/a", root + "/a/b", root + "/a/b/c"])
        XCTAssertEqual(try Folder.make(root + "/a/b"), [])
        try Data().write(to: URL(fileURLWithPath: root + "/file"))
        XCTAssertThrowsError(try Folder.make(root + "/file/x")) { error in
            XCTAssertEqual((error as? SystemError)?.description, "\(root)/file: Not a directory")
        }
    }

    func testFoldersInsideARootAreMadeButARootTakenAwayIsNotMadeAgain() throws {
        let root = try temporaryFolder() + "/staged"
        _ = try Folder.make(root)
        XCTAssertEqual(try Folder.make(root + "/a/b", inside: root), [root + "/a", root + "/a/b"])
        try FileManager.default.removeItem(atPath: root)
        XCTAssertThrowsError(try Folder.make(root + "/a/b", inside: root)) { error in
            XCTAssertEqual((error as? SystemError)?.code, ENOENT)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root))
    }

    func testExchangingTwoFoldersSwapsTheirContents() throws {
        let root = try temporaryFolder()
        let first = try XCTUnwrap(Folder.makeUnique(root + "/first-XXXXXX"))
        let second = try XCTUnwrap(Folder.makeUnique(root + "/second-XXXXXX"))
        try Data("1".utf8).write(to: URL(fileURLWithPath: first + "/one"))
        try XCTSkipUnless(Folder.exchange(first, second), "the file system cannot exchange names")
        XCTAssertEqual(FileTree.names(in: second), ["one"])
        XCTAssertEqual(FileTree.names(in: first), [])
    }
}
