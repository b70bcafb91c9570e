import Foundation
import PreviewServer
import XCTest

final class FileWatcherTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/model/relations", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/model/site", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/model/.git", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ name: String, _ text: String = "x: 1\n") throws {
        try text.write(toFile: "\(folder!)/\(name)", atomically: false, encoding: .utf8)
    }

    func testABurstOfSavesIsOneChangeListingOnlyTheModelFiles() throws {
        let model = folder + "/model"
        let watcher = try FileWatcher([FileWatcher.Folder(path: model, recursive: true, extensions: ["yaml", "yml"], skipping: [model + "/site"])])
        XCTAssertEqual(watcher.watchedFolders, [model, model + "/relations"])
        try write("model/notes.txt")
        try write("model/site/x.yaml")
        try write("model/.git/x.yaml")
        try write("model/relations/b.yml")
        // An editor's save: a temporary file renamed over the old one.
        try write("model/.a.yaml.swp")
        try write("model/a.yaml.tmp")
        XCTAssertEqual(rename("\(folder!)/model/a.yaml.tmp", "\(folder!)/model/a.yaml"), 0)
        XCTAssertEqual(watcher.waitForChanges(quiet: .milliseconds(50)), [model + "/a.yaml", model + "/relations/b.yml"])
    }

    func testAFolderMadeInsideAWatchedOneIsWatchedFromThenOn() throws {
        let model = folder + "/model"
        let watcher = try FileWatcher([FileWatcher.Folder(path: model, recursive: true, extensions: ["yaml"])])
        try FileManager.default.createDirectory(atPath: model + "/more", withIntermediateDirectories: false)
        XCTAssertEqual(watcher.waitForChanges(quiet: .milliseconds(50)), [model + "/more"])
        try write("model/more/c.yaml")
        XCTAssertEqual(watcher.waitForChanges(quiet: .milliseconds(50)), [model + "/more/c.yaml"])
    }

    func testAOneFileModelCountsOnlyThatFile() throws {
        let watcher = try FileWatcher([FileWatcher.Folder(path: folder, names: ["model.yaml"])])
        try write("other.yaml")
        try write("model.yaml")
        XCTAssertEqual(watcher.waitForChanges(quiet: .milliseconds(50)), [folder + "/model.yaml"])
    }

    func testAFolderThatCannotBeWatchedIsAnError() {
        XCTAssertThrowsError(try FileWatcher([FileWatcher.Folder(path: folder + "/absent")])) { error in
            XCTAssertEqual((error as? FileWatcher.WatchError)?.description, "\(folder!)/absent: error: cannot watch: No such file or directory")
        }
    }
}
