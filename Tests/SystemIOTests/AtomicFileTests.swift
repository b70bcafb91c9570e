import Foundation
import SystemIO
import XCTest

/// Pins that a file is replaced whole or not at all, with the permissions the umask allows.
final class AtomicFileTests: XCTestCase {
    func testAReplacedFileHoldsTheNewBytesAndNoTemporaryFileIsLeft() throws {
        let folder = try temporaryFolder()
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/file.json"))
        try AtomicFile.replace(folder + "/file.json", with: Array("new".utf8), sync: true)
        XCTAssertEqual(try String(contentsOfFile: folder + "/file.json", encoding: .utf8), "new")
        XCTAssertEqual(FileTree.names(in: folder), ["file.json"])
    }

    func testAFileThatCannotBeWrittenLeavesTheOldOneAndNamesTheSystemsReason() throws {
        let folder = try temporaryFolder()
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/file.json"))
        XCTAssertThrowsError(try AtomicFile.replace(folder + "/missing/file.json", with: Array("new".utf8))) { error in
            XCTAssertEqual((error as? SystemError)?.reason, "No such file or directory")
        }
        XCTAssertThrowsError(try AtomicFile.replace("/dev/full/file", with: Array("new".utf8)))
        XCTAssertEqual(try String(contentsOfFile: folder + "/file.json", encoding: .utf8), "old")
    }

    func testAFileGetsThePermissionsTheUmaskAllows() throws {
        let folder = try temporaryFolder()
        try AtomicFile.replace(folder + "/file", with: Array("x".utf8))
        let permissions = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: folder + "/file")[.posixPermissions] as? Int)
        XCTAssertEqual(mode_t(permissions), 0o666 & ~FileCreationMask.current)
    }
}
