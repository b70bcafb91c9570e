import RelationModel
import XCTest

/// Pins how the corpus check decides that a paragraph names an actor.
final class NameMatchTests: XCTestCase {
    func testNameMatchesAsAWholeWordIgnoringCase() {
        XCTAssertTrue(NameMatch.mentions("relations between uzbekistan and Kyrgyzstan", "Uzbekistan"))
        XCTAssertFalse(NameMatch.mentions("Kyrgyzstan", "Kyrgyz stan"))
    }

    func testPrefixOfALongerWordDoesNotMatch() {
        XCTAssertFalse(NameMatch.mentions("Kyrgyzstan gave Russia a share", "Kyrgyz"))
        XCTAssertTrue(NameMatch.mentions("the Kyrgyz government", "Kyrgyz"))
    }

    func testPluralAndPossessiveEndingsMatch() {
        XCTAssertTrue(NameMatch.mentions("asylum to Uzbeks fleeing", "Uzbek"))
        XCTAssertTrue(NameMatch.mentions("Kyrgyzstan’s border guard", "Kyrgyzstan"))
        XCTAssertTrue(NameMatch.mentions("Kyrgyzstan's border guard", "Kyrgyzstan"))
    }

    func testAcronymsMatchOnlyInCapitals() {
        XCTAssertTrue(NameMatch.mentions("the U.S. military and the US base", "US"))
        XCTAssertFalse(NameMatch.mentions("it is in its best interests to cooperate with us", "US"))
        XCTAssertFalse(NameMatch.mentions("focus on training", "US"))
    }
}
