@testable import GraphvizRendering
import Foundation
import XCTest

/// Pins the frames: a header of lengths and fields, then the DOT source or the files as they are.
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

    func testAJobTravelsWithItsDOTSourceByteForByteAfterItsHeader() throws {
        let dot = "digraph { a [label=\"Ösh \\\"quoted\\\"\"] }"
        let job = RenderJob(id: "views/a", dot: dot, engine: .twopi, formats: [.svg, .pdf], fallbackEngine: .sfdp)
        let frame = try WorkerFrame.encode(job)
        XCTAssertEqual(WorkerFrame.length(of: [UInt8](frame.prefix(4))), frame.count - 4)
        XCTAssertEqual(try WorkerFrame.decodeJob(frame.dropFirst(4)), job)
        XCTAssertTrue(frame.suffix(dot.utf8.count).elementsEqual(dot.utf8), "the DOT source follows the header unescaped")
    }

    func testAJobWhoseSourceIsCutShortIsMalformed() throws {
        let payload = try WorkerFrame.encode(TestSupport.job("g", "digraph { a }")).dropFirst(4)
        XCTAssertThrowsError(try WorkerFrame.decodeJob(payload.dropLast()))
        XCTAssertThrowsError(try WorkerFrame.decodeJob(payload + Data([1])))
    }

    func testAFailedReplyKeepsItsMessageAndEveryFieldComesBack() throws {
        let job = RenderJob(id: "views/ä", dot: "digraph { }", engine: .neato, formats: [.svg], fallbackEngine: .sfdp)
        var diagram = RenderedDiagram(id: job.id, outputs: [:], warnings: ["one", "two\nlines"], engineUsed: .sfdp, usedFallback: true,
                                      graphvizSeconds: 1.25e-3)
        diagram.outputs[.svg] = Data()
        let success = try WorkerFrame.decodeReply(try WorkerFrame.encode(WorkerReply(.success(diagram), job: job, residentMemoryMB: 0)).dropFirst(4))
        XCTAssertEqual(success.id, "views/ä")
        XCTAssertEqual(success.outputs, ["svg": Data()])
        XCTAssertEqual(success.warnings, ["one", "two\nlines"])
        XCTAssertEqual(success.engineUsed, .sfdp)
        XCTAssertTrue(success.usedFallback)
        XCTAssertEqual(success.graphvizSeconds, 1.25e-3)
        let failed = WorkerReply(.failure(RenderFailure(id: job.id, message: "syntax error in line 1")), job: job, residentMemoryMB: 300)
        let decoded = try WorkerFrame.decodeReply(try WorkerFrame.encode(failed).dropFirst(4))
        XCTAssertEqual(decoded.failure, "syntax error in line 1")
        XCTAssertEqual(decoded.residentMemoryMB, 300)
    }

    func testAHeaderFieldThatIsCutShortTooLongNotUTF8OrNotAFlagIsMalformed() {
        var writer = FrameHeaderWriter()
        writer.number(-7)
        writer.text("Ош")
        writer.flag(true)
        var reader = FrameHeaderReader(Data(writer.bytes))
        XCTAssertEqual(try reader.number(), -7)
        XCTAssertEqual(try reader.text(), "Ош")
        XCTAssertEqual(try reader.flag(), true)
        XCTAssertTrue(reader.isAtEnd)

        var long = FrameHeaderWriter()
        long.number(1 << 40)
        var tooLong = FrameHeaderReader(Data(long.bytes + [65]))
        XCTAssertThrowsError(try tooLong.text())
        var manyTexts = FrameHeaderReader(Data(long.bytes))
        XCTAssertThrowsError(try manyTexts.texts())
        var notUTF8 = FrameHeaderWriter()
        notUTF8.number(1)
        var badText = FrameHeaderReader(Data(notUTF8.bytes + [0xff]))
        XCTAssertThrowsError(try badText.text())
        var two = FrameHeaderWriter()
        two.number(2)
        var badFlag = FrameHeaderReader(Data(two.bytes))
        XCTAssertThrowsError(try badFlag.flag())
        var short = FrameHeaderReader(Data([0, 0, 0]))
        XCTAssertThrowsError(try short.number())
    }
}
