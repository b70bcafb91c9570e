@testable import GraphvizRendering
import DOT
import Foundation
import XCTest

/// Pins that PNG and PDF files carry the diagram's title, and the PNG its resolution, without breaking them.
final class ImageMetadataTests: XCTestCase {
    private func rendered(_ formats: [OutputFormat]) throws -> RenderedDiagram {
        let renderer = Renderer(settings: TestSupport.settings(workers: 1))
        defer { renderer.shutdown() }
        return try renderer.render([TestSupport.job("t", "digraph t { a -> b }", formats: formats)])[0].get()
    }

    /// The chunks of a PNG after its signature, each with whether its CRC is right.
    private func chunks(_ png: Data) -> [(type: String, body: [UInt8], crcHolds: Bool)] {
        let bytes = [UInt8](png)
        var found: [(String, [UInt8], Bool)] = []
        var index = 8
        while index + 12 <= bytes.count {
            let length = bytes[index..<index + 4].reduce(0) { $0 << 8 | Int($1) }
            let typed = Array(bytes[index + 4..<index + 8 + length])
            let crc = bytes[index + 8 + length..<index + 12 + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            found.append((String(decoding: typed.prefix(4), as: UTF8.self), Array(typed.dropFirst(4)), crc == ImageMetadata.crc32(typed)))
            index += 12 + length
        }
        return found
    }

    func testAPNGCarriesItsTitleAndResolutionInValidChunks() throws {
        let diagram = try rendered([.svg, .png]).titled("Alliances — Central Asia")
        let list = chunks(try XCTUnwrap(diagram.outputs[.png]))
        XCTAssertEqual(list.map(\.type).prefix(3), ["IHDR", "pHYs", "iTXt"])
        XCTAssertTrue(list.allSatisfy(\.crcHolds))
        XCTAssertEqual(list.last?.type, "IEND")
        let text = list[2].body
        XCTAssertEqual(String(decoding: text.suffix(from: 10), as: UTF8.self), "Alliances — Central Asia")
        let perMetre = list[1].body.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(Double(perMetre) * 0.0254, GraphvizSession.pngDotsPerInch, accuracy: 1)
    }

    func testAPDFCarriesItsTitleInAnUpdateThatPointsBackToCairosFile() throws {
        let original = try XCTUnwrap(try rendered([.pdf]).outputs[.pdf])
        let titled = try XCTUnwrap(try rendered([.pdf]).titled("Base deployments (2010)").outputs[.pdf])
        XCTAssertEqual(titled.prefix(original.count), original, "no byte of the original moves")
        let update = String(decoding: titled.suffix(from: original.count), as: UTF8.self)
        XCTAssertTrue(update.contains("/Title (Base deployments \\(2010\\))"), update)
        XCTAssertTrue(update.contains("/Producer (cairo"), "the old information is kept: \(update)")
        let startxref = try XCTUnwrap(update.components(separatedBy: "startxref\n").last?.split(separator: "\n").first.flatMap { Int($0) })
        XCTAssertEqual(String(decoding: titled[startxref..<startxref + 4], as: UTF8.self), "xref", "startxref points at the new section")
        let section = update.components(separatedBy: "xref\n")[1].split(separator: "\n")
        let offset = try XCTUnwrap(Int(section[1].prefix(10)))
        let object = String(decoding: titled[offset...].prefix(40), as: UTF8.self)
        XCTAssertTrue(object.hasPrefix("\(section[0].split(separator: " ")[0]) 0 obj\n<< /Title"), object)
    }

    func testATitleOutsideASCIIIsWrittenAsUTF16() {
        XCTAssertEqual(ImageMetadata.pdfString("Ош"), "<FEFF041E0448>")
        XCTAssertEqual(ImageMetadata.pdfString("a\\b"), "(a\\\\b)")
    }
}
