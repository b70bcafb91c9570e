@testable import GraphvizRendering
import Foundation
import XCTest

/// Pins the frames: JSON for everything but the DOT source or the files, then those bytes as they are.
final class WorkerFrameTests: XCTestCase {
    func reply() -> WorkerReply {
        let diagram = RenderedDiagram(id: "g", outputs: [.svg: Data("<svg/>".utf8), .png: Data([0, 255, 10, 13])], warnings: ["w"],
                                      engineUsed: .dot, usedFallback: false, graphvizSeconds: 0.5)
        return WorkerReply(.success(diagram), job: TestSupport.job("g", "digraph { a }", formats: [.svg, .png]), residentMemoryMB: 12)
    }

    func testAReplyComesBackWithItsFilesByteForByte() throws {
        let frame = try WorkerFrame.encode(reply())
        XCTAssertEqual(WorkerFrame.length(of: [UInt8](frame.prefix(4))), frame.count - 4)
        let decoded = try WorkerFrame.decodeReply(frame.dropFirst(4))
        XCTAssertEqual(decoded.outputs, ["svg": Data("<svg/>".utf8), "png": Data([0, 255, 10, 13])])
        XCTAssertEqual(decoded.warnings, ["w"])
        XCTAssertEqual(decoded.residentMemoryMB, 12)
        XCTAssertFalse(String(decoding: frame, as: UTF8.self).contains("PHN2Zy8+"), "no base64 copy of the SVG")
    }

    func testATruncatedOrPaddedReplyIsMalformed() throws {
        let payload = try WorkerFrame.encode(reply()).dropFirst(4)
        XCTAssertThrowsError(try WorkerFrame.decodeReply(payload.dropLast()))
        XCTAssertThrowsError(try WorkerFrame.decodeReply(payload + Data([1])))
        XCTAssertThrowsError(try WorkerFrame.decodeReply(Data([0, 0])))
    }

    func testAJobTravelsWithItsDOTSourceByteForByteAndOutsideTheJSON() throws {
        let dot = "digraph { a [label=\"Ösh \\\"quoted\\\"\"] }"
        let job = RenderJob(id: "views/a", dot: dot, engine: .twopi, formats: [.svg, .pdf], fallbackEngine: .sfdp)
        let frame = try WorkerFrame.encode(job)
        XCTAssertEqual(WorkerFrame.length(of: [UInt8](frame.prefix(4))), frame.count - 4)
        XCTAssertEqual(try WorkerFrame.decodeJob(frame.dropFirst(4)), job)
        XCTAssertTrue(frame.suffix(dot.utf8.count).elementsEqual(dot.utf8), "the DOT source follows the JSON unescaped")
    }

    func testAJobWhoseSourceIsCutShortIsMalformed() throws {
        let payload = try WorkerFrame.encode(TestSupport.job("g", "digraph { a }")).dropFirst(4)
        XCTAssertThrowsError(try WorkerFrame.decodeJob(payload.dropLast()))
        XCTAssertThrowsError(try WorkerFrame.decodeJob(payload + Data([1])))
    }
}
