import Foundation
import XMLText

/// Makes Graphviz's SVG accessible, responsive and safe to inline several times in one HTML page.
///
/// `finish` drops the Graphviz version comment; gives the `<svg>` element `role="img"` and an
/// `aria-labelledby` that points at a `<title>` and a `<desc>` inserted as its first children;
/// keeps `viewBox` but replaces the fixed `width`/`height` in points by `width="100%"` with the
/// natural width as `max-width`; and prefixes every `id`, `href="#…"` and `url(#…)` with `idPrefix`.
public enum SVGFinisher {
    /// - Parameter idPrefix: prepended verbatim to every id, e.g. `"alliances-"`; it should be unique per page.
    public static func finish(_ svg: String, title: String, description: String, idPrefix: String) -> String {
        let prefix = XMLText.escaped(idPrefix)
        let text = prefixingReferences(in: OutputNormalizer.removingVersionComment(Array(svg.utf8)), with: Array(prefix.utf8))
        guard let svgStart = OutputNormalizer.firstIndex(of: Array("<svg".utf8), in: text, from: 0),
              let tagEnd = OutputNormalizer.firstIndex(of: [UInt8(ascii: ">")], in: text, from: svgStart) else {
            return String(decoding: text, as: UTF8.self)
        }
        let openingTag = String(decoding: text[svgStart...tagEnd], as: UTF8.self)
        let titleID = "\(prefix)title"
        let descriptionID = "\(prefix)desc"
        let accessible = "\n<title id=\"\(titleID)\">\(XMLText.escaped(title))</title>\n<desc id=\"\(descriptionID)\">\(XMLText.escaped(description))</desc>"
        let newTag = responsive(openingTag, labelledBy: "\(titleID) \(descriptionID)")
        return String(decoding: text[..<svgStart], as: UTF8.self) + newTag + accessible
            + String(decoding: text[(tagEnd + 1)...], as: UTF8.self)
    }

    /// The document from its `<svg` element on, without the XML declaration, DOCTYPE and comments before it, for inlining in HTML.
    public static func inlineElement(_ svg: String) -> String {
        let bytes = Array(svg.utf8)
        guard let start = OutputNormalizer.firstIndex(of: Array("<svg".utf8), in: bytes, from: 0) else { return svg }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    private static let pointSize = try! NSRegularExpression(pattern: #"\s(width|height)="([0-9.]+)pt""#)
    private static let idAttribute = Array("id=\"".utf8)
    private static let fragmentLinks = [Array("href=\"#".utf8), Array("xlink:href=\"#".utf8)]
    private static let urlReference = Array("url(#".utf8)

    /// Puts `prefix` in front of every ` id="…"`, ` href="#…"`, ` xlink:href="#…"` and `url(#…)` target, in one
    /// pass over the bytes.
    static func prefixingReferences(in bytes: [UInt8], with prefix: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "u"), bytes.matches(urlReference, at: index) {
                result.append(contentsOf: urlReference)
                result.append(contentsOf: prefix)
                index += urlReference.count
                continue
            }
            let byte = bytes[index]
            result.append(byte)
            index += 1
            guard byte == 0x20 || (0x09...0x0D).contains(byte) else { continue }
            for pattern in [idAttribute] + fragmentLinks where bytes.matches(pattern, at: index) {
                result.append(contentsOf: pattern)
                result.append(contentsOf: prefix)
                index += pattern.count
                break
            }
        }
        return result
    }

    /// The opening `<svg …>` tag with accessibility attributes and a width that follows its container.
    private static func responsive(_ tag: String, labelledBy: String) -> String {
        let range = NSRange(tag.startIndex..., in: tag)
        var width: String?
        for match in pointSize.matches(in: tag, range: range) where tag[Range(match.range(at: 1), in: tag)!] == "width" {
            width = String(tag[Range(match.range(at: 2), in: tag)!])
        }
        var result = pointSize.stringByReplacingMatches(in: tag, range: range, withTemplate: "")
        let style = width.map { " style=\"max-width: \($0)pt; height: auto\"" } ?? ""
        result.replaceSubrange(result.index(result.startIndex, offsetBy: 4)..<result.index(result.startIndex, offsetBy: 4),
                               with: " width=\"100%\"\(style) role=\"img\" aria-labelledby=\"\(labelledBy)\"")
        return result
    }
}
