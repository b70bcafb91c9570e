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
        var text = OutputNormalizer.removingVersionComment(svg)
        text = prefixingReferences(in: text, with: prefix)
        guard let svgStart = text.range(of: "<svg"),
              let tagEnd = text.range(of: ">", range: svgStart.upperBound..<text.endIndex) else { return text }
        let openingTag = String(text[svgStart.lowerBound..<tagEnd.upperBound])
        let titleID = "\(prefix)title"
        let descriptionID = "\(prefix)desc"
        let accessible = "\n<title id=\"\(titleID)\">\(XMLText.escaped(title))</title>\n<desc id=\"\(descriptionID)\">\(XMLText.escaped(description))</desc>"
        let newTag = responsive(openingTag, labelledBy: "\(titleID) \(descriptionID)")
        return text.replacingCharacters(in: svgStart.lowerBound..<tagEnd.upperBound, with: newTag + accessible)
    }

    /// The document from its `<svg` element on, without the XML declaration, DOCTYPE and comments before it, for inlining in HTML.
    public static func inlineElement(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return svg }
        return String(svg[start.lowerBound...])
    }

    private static let idAttribute = try! NSRegularExpression(pattern: #"(\s)id="([^"]*)""#)
    private static let fragmentLink = try! NSRegularExpression(pattern: ##"(\s(?:xlink:)?href)="#([^"]*)""##)
    private static let urlReference = try! NSRegularExpression(pattern: #"url\(#([^)]*)\)"#)
    private static let pointSize = try! NSRegularExpression(pattern: #"\s(width|height)="([0-9.]+)pt""#)

    private static func prefixingReferences(in text: String, with prefix: String) -> String {
        let template = NSRegularExpression.escapedTemplate(for: prefix)
        var result = replace(idAttribute, in: text, with: "$1id=\"\(template)$2\"")
        result = replace(fragmentLink, in: result, with: "$1=\"#\(template)$2\"")
        return replace(urlReference, in: result, with: "url(#\(template)$1)")
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

    private static func replace(_ expression: NSRegularExpression, in text: String, with template: String) -> String {
        expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
