import Foundation
import SystemIO
import XCTest

/// Pins that reads and writes on descriptors move every byte or say why not.
final class DescriptorTests: XCTestCase {
    func testAWriteToAFullDeviceFailsWithNoSpace() throws {
        let full = open("/dev/full", O_WRONLY)
        try XCTSkipIf(full < 0, "no /dev/full")
        defer { close(full) }
        XCTAssertFalse(Array("x".utf8).withUnsafeBytes { Descriptor.writeAll($0, to: full) })
        XCTAssertEqual(errno, ENOSPC)
    }

    func testEverythingWrittenToAPipeIsReadBackInFull() throws {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        let bytes = (0..<50_000).map { UInt8(truncatingIfNeeded: $0) }
        let input = ends[1]
        let writer = Thread {
            _ = bytes.withUnsafeBytes { Descriptor.writeAll($0, to: input) }
            close(input)
        }
        writer.start()
        var read = [UInt8](repeating: 0, count: bytes.count + 10)
        let count = read.withUnsafeMutableBytes { Descriptor.readFully(into: $0, from: ends[0]) }
        close(ends[0])
        XCTAssertEqual(count, bytes.count)
        XCTAssertEqual(Array(read.prefix(count)), bytes)
    }
}
