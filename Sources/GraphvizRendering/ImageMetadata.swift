import Foundation

/// Titles and resolutions written into the PNG and PDF files Graphviz draws, which carry none: a picture pasted
/// into slides or filed on its own then says what it shows, and a PNG says at what resolution it was drawn.
public enum ImageMetadata {
    /// The PNG with its resolution (a `pHYs` chunk) and title (an `iTXt` chunk, UTF-8) after its header; the
    /// bytes unchanged when they are not a PNG.
    public static func png(_ data: Data, title: String, dotsPerInch: Double) -> Data {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        // The header chunk: 4 bytes of length, "IHDR", 13 bytes of data and 4 of CRC.
        let start = data.startIndex
        guard data.count > 33, data.prefix(8).elementsEqual(signature),
              data[(start + 12)..<(start + 16)].elementsEqual("IHDR".utf8) else { return data }
        let pixelsPerMetre = UInt32((dotsPerInch / 0.0254).rounded())
        var physical = bigEndian(pixelsPerMetre) + bigEndian(pixelsPerMetre)
        physical.append(1)
        // iTXt: keyword, null, no compression (0, 0), empty language tag and translated keyword, then the text.
        let text = Array("Title".utf8) + [0, 0, 0, 0, 0] + Array(title.utf8)
        let chunks = chunk("pHYs", physical) + chunk("iTXt", text)
        // Built as one `Data` of its final size: a drawing for slides is megabytes.
        var result = Data(capacity: data.count + chunks.count)
        result.append(data.prefix(33))
        result.append(contentsOf: chunks)
        result.append(data.dropFirst(33))
        return result
    }

    /// The dots per inch of a PNG drawn `pointWidth` points wide: its pixel width over its width in inches.
    public static func dotsPerInch(png data: Data, pointWidth: Double) -> Double? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, pointWidth > 0 else { return nil }
        let pixels = Double(bytes[16..<20].reduce(0) { $0 << 8 | Int($1) })
        return pixels / (pointWidth / 72)
    }

    /// The PDF with `title` in its document information, written as an incremental update (a new information
    /// dictionary keeping the old one's entries, a cross-reference section for it and a trailer pointing back),
    /// so no byte of cairo's file moves; the bytes unchanged when the trailer cannot be read.
    public static func pdf(_ data: Data, title: String) -> Data {
        let text = String(decoding: data.suffix(2048), as: UTF8.self)
        guard let trailer = text.range(of: "trailer", options: .backwards),
              let size = integer(after: "/Size", in: text[trailer.upperBound...]),
              let root = reference(after: "/Root", in: text[trailer.upperBound...]),
              let start = integer(after: "startxref", in: text[trailer.upperBound...]) else { return data }
        let old = reference(after: "/Info", in: text[trailer.upperBound...])
        var entries = "/Title " + pdfString(title)
        if let old, let body = dictionary(of: old, in: data) {
            for key in ["/Producer", "/CreationDate", "/Creator"] {
                if let value = body.range(of: key), let string = literalString(in: body[value.upperBound...]) {
                    entries += "\n   \(key) \(string)"
                }
            }
        }
        var update = data.last == UInt8(ascii: "\n") ? "" : "\n"
        let offset = data.count + update.utf8.count
        update += "\(size) 0 obj\n<< \(entries)\n>>\nendobj\n"
        let xref = offset + "\(size) 0 obj\n<< \(entries)\n>>\nendobj\n".utf8.count
        update += "xref\n\(size) 1\n" + String(format: "%010d 00000 n \n", offset)
        update += "trailer\n<< /Size \(size + 1)\n   /Root \(root)\n   /Info \(size) 0 R\n   /Prev \(start)\n>>\nstartxref\n\(xref)\n%%EOF\n"
        var updated = data
        updated.append(contentsOf: Array(update.utf8))
        return updated
    }

    private static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + body
        return bigEndian(UInt32(body.count)) + typed + bigEndian(crc32(typed))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// A PDF text string: ASCII in parentheses with `\`, `(` and `)` escaped, anything else as UTF-16 in hex.
    static func pdfString(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) {
            var escaped = ""
            for character in text {
                if "\\()".contains(character) { escaped.append("\\") }
                escaped.append(character)
            }
            return "(\(escaped))"
        }
        return "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    /// The literal string `( … )` that `text` begins with (after spaces), balanced parentheses and escapes
    /// included, as written.
    static func literalString(in text: Substring) -> String? {
        let rest = text.drop { $0 == " " }
        guard rest.first == "(" else { return nil }
        var depth = 0
        var escaped = false
        for index in rest.indices {
            let character = rest[index]
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return String(rest[...index]) }
            default: break
            }
        }
        return nil
    }

    private static func integer(after key: String, in text: Substring) -> Int? {
        guard let found = text.range(of: key) else { return nil }
        let digits = text[found.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }.prefix { $0.isNumber }
        return Int(digits)
    }

    private static func reference(after key: String, in text: Substring) -> String? {
        guard let found = text.range(of: key) else { return nil }
        let rest = text[found.upperBound...].drop { $0 == " " }
        guard let end = rest.range(of: "R") else { return nil }
        return String(rest[..<end.upperBound])
    }

    /// The text of the dictionary of object `reference` ("97 0 R"), found by its last "97 0 obj" header.
    private static func dictionary(of reference: String, in data: Data) -> String? {
        let number = reference.split(separator: " ").first.map(String.init) ?? ""
        guard let header = data.range(of: Data("\n\(number) 0 obj".utf8), options: .backwards),
              let end = data.range(of: Data("endobj".utf8), in: header.upperBound..<data.endIndex) else { return nil }
        return String(decoding: data[header.upperBound..<end.lowerBound], as: UTF8.self)
    }
}

extension RenderedDiagram {
    /// The diagram with `title` in its PNG and PDF files, and the PNG's resolution, found from the drawing's
    /// width in points (its SVG's `width`) and the PNG's in pixels.
    public func titled(_ title: String) -> RenderedDiagram {
        var titled = self
        if let png = outputs[.png] {
            let width = outputs[.svg].flatMap(ImageMetadata.pointWidth(svg:))
            let dotsPerInch = width.flatMap { ImageMetadata.dotsPerInch(png: png, pointWidth: $0) } ?? GraphvizSession.pngDotsPerInch
            titled.outputs[.png] = ImageMetadata.png(png, title: title, dotsPerInch: dotsPerInch)
        }
        if let pdf = outputs[.pdf] {
            titled.outputs[.pdf] = ImageMetadata.pdf(pdf, title: title)
        }
        return titled
    }
}

extension ImageMetadata {
    /// The `width` of an SVG's root element in points (Graphviz writes `width="123pt"`).
    public static func pointWidth(svg data: Data) -> Double? {
        let head = String(decoding: data.prefix(1024), as: UTF8.self)
        guard let start = head.range(of: "<svg"), let width = head[start.upperBound...].range(of: " width=\"") else { return nil }
        let value = head[width.upperBound...].prefix { $0.isNumber || $0 == "." }
        return Double(value)
    }
}
