import XMLText

/// A graph's DOT with a placeholder where each tooltip goes, and the tooltips. Graphviz lays a graph out and
/// draws it the same whatever its tooltips say, so the drawing of the placeholder DOT can be kept while only
/// tooltips change (a summary reworded); `filledDOT` and `filling(svg:)` put the words in.
///
/// A placeholder is U+0001, the tooltip's number and U+0001: the encoder writes no other control character
/// (it writes U+FFFD for them), and Graphviz copies a tooltip into SVG's `xlink:title` as it is.
public struct TooltipPlaceholders: Sendable, Equatable {
    /// The DOT, each tooltip a placeholder.
    public var dot: String
    /// The tooltips, in the order of their placeholders' numbers.
    public var tooltips: [String]

    public init(dot: String, tooltips: [String]) {
        self.dot = dot
        self.tooltips = tooltips
    }

    /// The DOT with the tooltips, as `DOTEncoder.encode` writes it.
    public var filledDOT: String {
        let encoder = DOTEncoder()
        return String(decoding: filling(Array(dot.utf8)) { Array(encoder.escapedTooltip($0).utf8) }, as: UTF8.self)
    }

    /// SVG that Graphviz drew from `dot`, with each placeholder replaced by its tooltip as XML attribute text.
    public func filling(svg: [UInt8]) -> [UInt8] {
        filling(svg) { Array(XMLText.escaped($0, inAttribute: true).utf8) }
    }

    static let marker = UInt8(1)

    private func filling(_ bytes: [UInt8], with written: (String) -> [UInt8]) -> [UInt8] {
        NumberedPlaceholders.filling(bytes, marker: Self.marker, count: tooltips.count) { number, result in
            result.append(contentsOf: written(tooltips[number]))
        } ?? bytes
    }
}

/// The tooltips met while encoding, each given its placeholder.
final class TooltipList {
    private(set) var texts: [String] = []

    /// Writes the placeholder for `text`, and keeps the text.
    func writePlaceholder(for text: String, to out: inout String) {
        out += "\u{1}"
        out += String(texts.count)
        out += "\u{1}"
        texts.append(text)
    }
}
