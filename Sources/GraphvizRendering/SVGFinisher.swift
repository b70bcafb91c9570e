import Foundation
import XMLText

/// Makes Graphviz's SVG accessible, responsive and safe to inline several times in one HTML page.
///
/// `finish` drops the Graphviz version comment; gives the `<svg>` element `role="img"` and an
/// `aria-labelledby` that points at a `<title>` and a `<desc>` inserted as its first children;
/// keeps `viewBox` but replaces the fixed `width`/`height` in points by `width="100%"` with the
/// natural width as `max-width`; prefixes every `id`, `href="#…"` and `url(#…)` with `idPrefix`, unless the
/// DOT already gave every element an id under its own prefix (`prefixingIDs` false: a view's), so an id is
/// prefixed once; unwraps the second link Graphviz draws around an edge's label, so a line is one link,
/// announced once; and names a generic family after each font (`font-family="DejaVu Sans,sans-serif"`), for
/// readers without the font.
///
/// `standalone` does the same but keeps the drawing's size in points, for a file opened or embedded on its
/// own. An SVG that is already finished (its `<svg>` element has `role="img"`) keeps its title, description
/// and ids when finished again: inlining a standalone file gives the same element as inlining the raw one.
public enum SVGFinisher {
    /// - Parameters:
    ///   - idPrefix: prepended verbatim to the ids of the title and description, e.g. `"alliances-"`, and to
    ///     every other id; it should be unique per page.
    ///   - prefixingIDs: false for an SVG drawn from a `DOT.Graph`, whose ids all begin with the graph's own
    ///     prefix already.
    public static func finish(_ svg: String, title: String, description: String, idPrefix: String,
                              prefixingIDs: Bool = true) -> String {
        String(decoding: finished(Array(svg.utf8), title: title, description: description, idPrefix: idPrefix,
                                  prefixingIDs: prefixingIDs, relinking: nil, fromElement: false, responsive: true), as: UTF8.self)
    }

    /// The file as it is written on its own (`diagrams/ID.svg`): accessible, ids prefixed once, at its natural size.
    public static func standalone(_ svg: [UInt8], title: String, description: String, idPrefix: String,
                                  prefixingIDs: Bool = true) -> [UInt8] {
        finished(svg, title: title, description: description, idPrefix: idPrefix, prefixingIDs: prefixingIDs, relinking: nil,
                 fromElement: false, responsive: false)
    }

    /// `finish` for inlining in HTML: the document from its `<svg` element on (without the XML declaration,
    /// DOCTYPE and comments before it), and every link whose target begins with `relinking.from` made to begin
    /// with `relinking.to` instead (links written for a page one folder deep, rebased for a page at the root).
    public static func inlineElement(_ svg: [UInt8], title: String, description: String, idPrefix: String,
                                     relinking: (from: String, to: String)? = nil) -> String {
        String(decoding: finished(svg, title: title, description: description, idPrefix: idPrefix, prefixingIDs: true,
                                  relinking: relinking.map { (Array($0.from.utf8), Array($0.to.utf8)) }, fromElement: true,
                                  responsive: true),
               as: UTF8.self)
    }

    private static let finishedMark = Array(" role=\"img\"".utf8)

    private static func finished(_ svg: [UInt8], title: String, description: String, idPrefix: String, prefixingIDs: Bool,
                                 relinking: (from: [UInt8], to: [UInt8])?, fromElement: Bool, responsive: Bool) -> [UInt8] {
        let source = OutputNormalizer.removingVersionComment(svg)
        let isFinished = OutputNormalizer.firstIndex(of: Array("<svg".utf8), in: source, from: 0).flatMap { start in
            OutputNormalizer.firstIndex(of: [UInt8(ascii: ">")], in: source, from: start).map { end in
                OutputNormalizer.firstIndex(of: finishedMark, in: Array(source[start..<end]), from: 0) != nil
            }
        } ?? false
        let prefix = XMLText.escaped(idPrefix)
        let idsPrefix = isFinished || !prefixingIDs ? [] : Array(prefix.utf8)
        // A finished SVG already has its label links removed and its generic families named; its ids are
        // prefixed, so only relinking can change it.
        let rewritten = idsPrefix.isEmpty && relinking == nil ? source : rewritingReferences(in: source, idPrefix: idsPrefix, relinking: relinking)
        let text = isFinished ? rewritten : withGenericFontFamilies(removingLabelLinks(rewritten))
        guard let svgStart = OutputNormalizer.firstIndex(of: Array("<svg".utf8), in: text, from: 0),
              let tagEnd = OutputNormalizer.firstIndex(of: [UInt8(ascii: ">")], in: text, from: svgStart) else {
            return text
        }
        let openingTag = String(decoding: text[svgStart...tagEnd], as: UTF8.self)
        let titleID = "\(prefix)title"
        let descriptionID = "\(prefix)desc"
        let titleAndDescription = "\n<title id=\"\(titleID)\">\(XMLText.escaped(title))</title>\n<desc id=\"\(descriptionID)\">\(XMLText.escaped(description))</desc>"
        let labelledBy = isFinished ? nil : "\(titleID) \(descriptionID)"
        var result: [UInt8] = []
        result.reserveCapacity(text.count + 512)
        if !fromElement { result.append(contentsOf: text[..<svgStart]) }
        let tag = responsive ? self.responsive(openingTag, labelledBy: labelledBy) : accessible(openingTag, labelledBy: labelledBy)
        result.append(contentsOf: tag.utf8)
        if !isFinished { result.append(contentsOf: titleAndDescription.utf8) }
        result.append(contentsOf: text[(tagEnd + 1)...])
        return result
    }

    private static let pointSize = try! NSRegularExpression(pattern: #"\s(width|height)="([0-9.]+)pt""#)
    private static let prefixedAttributes = [Array("id=\"".utf8), Array("href=\"#".utf8), Array("xlink:href=\"#".utf8)]
    private static let urlReference = Array("url(#".utf8)
    private static let links = [Array("href=\"".utf8), Array("xlink:href=\"".utf8)]

    /// Puts `prefix` in front of every ` id="…"`, ` href="#…"`, ` xlink:href="#…"` and `url(#…)` target, and
    /// makes a ` href="…"` or ` xlink:href="…"` value that begins with `relinking.from` begin with
    /// `relinking.to` instead, in one pass over the bytes.
    static func rewritingReferences(in bytes: [UInt8], idPrefix prefix: [UInt8], relinking: (from: [UInt8], to: [UInt8])?) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 16)
        bytes.withUnsafeBufferPointer { text in
            // Bytes are copied in runs, up to each place a prefix goes in.
            var copied = 0
            func insert(_ inserted: [UInt8], after end: Int, resumingAt resume: Int) {
                result.append(contentsOf: text[copied..<end])
                result.append(contentsOf: inserted)
                copied = resume
            }
            var index = 0
            while index < text.count {
                let byte = text[index]
                if byte == UInt8(ascii: "u"), text.matches(urlReference, at: index) {
                    index += urlReference.count
                    insert(prefix, after: index, resumingAt: index)
                    continue
                }
                index += 1
                guard byte == 0x20 || (0x09...0x0D).contains(byte) else { continue }
                if let pattern = prefixedAttributes.first(where: { text.matches($0, at: index) }) {
                    index += pattern.count
                    insert(prefix, after: index, resumingAt: index)
                } else if let relinking, let pattern = links.first(where: { text.matches($0, at: index) }),
                          text.matches(relinking.from, at: index + pattern.count) {
                    index += pattern.count
                    insert(relinking.to, after: index, resumingAt: index + relinking.from.count)
                    index += relinking.from.count
                }
            }
            result.append(contentsOf: text[copied...])
        }
        return result
    }

    private static let labelGroupEnd = Array("label\"><a ".utf8)
    private static let linkEnd = Array("</a>".utf8)

    /// The SVG without the link Graphviz wraps around each edge label (`<g id="a_…-label"><a …>…</a></g>`,
    /// also `-headlabel` and `-taillabel`): the same link as the line's, which screen readers announced and
    /// keyboards stopped at twice. The label's text stays, inside its group.
    static func removingLabelLinks(_ bytes: [UInt8]) -> [UInt8] {
        guard var found = OutputNormalizer.firstIndex(of: labelGroupEnd, in: bytes, from: 0) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            let anchorStart = found + labelGroupEnd.count - 3
            guard let tagEnd = bytes[anchorStart...].firstIndex(of: UInt8(ascii: ">")),
                  let close = OutputNormalizer.firstIndex(of: linkEnd, in: bytes, from: tagEnd) else { break }
            result.append(contentsOf: bytes[copied..<anchorStart])
            result.append(contentsOf: bytes[(tagEnd + 1)..<close])
            copied = close + linkEnd.count
            guard let next = OutputNormalizer.firstIndex(of: labelGroupEnd, in: bytes, from: copied) else { break }
            found = next
        }
        result.append(contentsOf: bytes[copied...])
        return result
    }

    /// The opening `<svg …>` tag with a width that follows its container, and the accessibility attributes
    /// unless it has them (`labelledBy` nil).
    private static func responsive(_ tag: String, labelledBy: String?) -> String {
        let range = NSRange(tag.startIndex..., in: tag)
        var width: String?
        for match in pointSize.matches(in: tag, range: range) where tag[Range(match.range(at: 1), in: tag)!] == "width" {
            width = String(tag[Range(match.range(at: 2), in: tag)!])
        }
        let result = pointSize.stringByReplacingMatches(in: tag, range: range, withTemplate: "")
        let style = width.map { " style=\"max-width: \($0)pt; height: auto\"" } ?? ""
        return inserting(" width=\"100%\"\(style)" + (labelledBy.map(accessibility) ?? ""), into: result)
    }

    /// The opening tag with the accessibility attributes, unless it has them.
    private static func accessible(_ tag: String, labelledBy: String?) -> String {
        labelledBy.map { inserting(accessibility($0), into: tag) } ?? tag
    }

    private static func accessibility(_ labelledBy: String) -> String {
        " role=\"img\" aria-labelledby=\"\(labelledBy)\""
    }

    /// `attributes` put right after `<svg`.
    private static func inserting(_ attributes: String, into tag: String) -> String {
        var result = tag
        let position = result.index(result.startIndex, offsetBy: 4)
        result.replaceSubrange(position..<position, with: attributes)
        return result
    }

    private static let fontFamily = Array(" font-family=\"".utf8)

    /// Every `font-family="NAME"` naming one font followed by a generic family, so a reader without the font
    /// gets a face of the same kind: monospace for Mono and Courier faces, serif for Serif and Times faces,
    /// sans-serif for the rest (DejaVu Sans, which every diagram uses).
    static func withGenericFontFamilies(_ bytes: [UInt8]) -> [UInt8] {
        guard var found = OutputNormalizer.firstIndex(of: fontFamily, in: bytes, from: 0) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 64)
        var copied = 0
        // A drawing names a few fonts in thousands of places: each one's suffix is worked out once.
        var suffixes: [ArraySlice<UInt8>: [UInt8]] = [:]
        while true {
            let valueStart = found + fontFamily.count
            guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            result.append(contentsOf: bytes[copied..<valueEnd])
            let value = bytes[valueStart..<valueEnd]
            if valueEnd > valueStart, !value.contains(UInt8(ascii: ",")) {
                if let suffix = suffixes[value] {
                    result.append(contentsOf: suffix)
                } else {
                    let name = String(decoding: value, as: UTF8.self)
                    let generic = genericFamily(of: name)
                    let suffix = generic != name.lowercased() ? Array(",\(generic)".utf8) : []
                    suffixes[value] = suffix
                    result.append(contentsOf: suffix)
                }
            }
            copied = valueEnd
            guard let next = OutputNormalizer.firstIndex(of: fontFamily, in: bytes, from: valueEnd) else { break }
            found = next
        }
        result.append(contentsOf: bytes[copied...])
        return result
    }

    static func genericFamily(of font: String) -> String {
        let name = font.lowercased()
        if ["monospace", "sans-serif", "serif"].contains(name) { return name }
        if name.contains("mono") || name.contains("courier") { return "monospace" }
        if (name.contains("serif") && !name.contains("sans")) || name.contains("times") { return "serif" }
        return "sans-serif"
    }
}
