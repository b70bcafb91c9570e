import XCTest
import XMLText

/// Pins the three ways text is escaped for XML: element content, attribute values and Graphviz's HTML labels.
final class XMLTextTests: XCTestCase {
    func testContentAndAttributesEscapeMarkupAndReplaceWhatXMLCannotHold() {
        XCTAssertEqual(XMLText.escaped("<&>\"' \\"), "&lt;&amp;&gt;&quot;&apos; \\")
        XCTAssertEqual(XMLText.escaped("a\tb\nc\rd\u{1}e\u{FFFE}"), "a\tb\nc&#13;d\u{FFFD}e\u{FFFD}")
        XCTAssertEqual(XMLText.escaped("a\tb\nc", inAttribute: true), "a&#9;b&#10;c")
        XCTAssertEqual(XMLText.escaped("Kyrgyzstan – Манас"), "Kyrgyzstan – Манас")
    }

    func testAGraphvizLabelDoublesBackslashesAndWritesEveryControlCharacterAsAReference() {
        XCTAssertEqual(XMLText.escapedForGraphvizLabel("<b> & \"q\" 'a' \\N"), "&lt;b&gt; &amp; &quot;q&quot; 'a' \\\\N")
        XCTAssertEqual(XMLText.escapedForGraphvizLabel("a\tb"), "a b")
        XCTAssertEqual(XMLText.escapedForGraphvizLabel("a\u{0}b\nc\u{7F}d\u{85}e\u{FFFF}"), "a&#65533;b&#65533;c&#65533;d&#65533;e&#65533;")
        XCTAssertEqual(XMLText.escapedForGraphvizLabel("Côte d'Ivoire"), "Côte d'Ivoire")
    }
}
