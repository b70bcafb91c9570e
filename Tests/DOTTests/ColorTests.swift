import DOT
import XCTest

/// Pins that only colours Graphviz understands can be built.
final class ColorTests: XCTestCase {
    func testSixAndEightDigitHexColoursAreAcceptedInLowerCase() {
        XCTAssertEqual(Color(hex: "#E69F00")?.rawValue, "#e69f00")
        XCTAssertEqual(Color(hex: "#e69f0080")?.rawValue, "#e69f0080")
        XCTAssertEqual(Color(rawValue: "#0072B2")?.rawValue, "#0072b2")
    }

    func testThreeDigitHexAndMalformedColoursAreRejected() {
        for bad in ["#eef", "eeeeff", "#eeeefg", "#12345", "#1234567", "", "#"] {
            XCTAssertNil(Color(hex: bad), bad)
            XCTAssertNil(Color(rawValue: bad), bad)
        }
    }

    func testOnlyKnownColourNamesAreAccepted() {
        XCTAssertEqual(Color(name: "Gray")?.rawValue, "gray")
        XCTAssertNil(Color(name: "grayish"))
        XCTAssertNil(Color(name: "red; a -> b"))
    }

    func testOpacityAppendsAnAlphaChannel() {
        XCTAssertEqual(Color(hex: "#e69f00")?.opacity(0.25).rawValue, "#e69f0040")
        XCTAssertEqual(Color(hex: "#e69f00ff")?.opacity(0).rawValue, "#e69f0000")
        XCTAssertEqual(Color.white.opacity(1).rawValue, "#ffffffff")
    }
}
