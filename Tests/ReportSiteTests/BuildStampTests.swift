import Foundation
import XCTest
@testable import ReportSite

/// Pins what the build stamp lists of a site on disk.
final class BuildStampTests: XCTestCase {
    func testTheListingNamesFilesAndLinksButNotFolders() throws {
        let root = try temporaryFolder() + "/site"
        try FileManager.default.createDirectory(atPath: root + "/actors/deep", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        try Data("a".utf8).write(to: URL(fileURLWithPath: root + "/index.html"))
        try Data("b".utf8).write(to: URL(fileURLWithPath: root + "/actors/deep/b.html"))
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/empty")
        XCTAssertEqual(BuildStamp.listing(of: root)?.map { $0.split(separator: "\t")[0] }, ["actors/deep/b.html", "index.html", "link"])
        XCTAssertNil(BuildStamp.listing(of: root + "/missing"))
    }
}
