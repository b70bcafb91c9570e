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

    func testAWordCoordinatedWithTheFirstOfANameStillMentionsIt() {
        XCTAssertTrue(NameMatch.mentions("an incident between Kyrgyz and Uzbek border guards", "Kyrgyz border guard"))
        XCTAssertTrue(NameMatch.mentions("Kazakh, Kyrgyz and Uzbek border guards met", "Kazakh border guard"))
        XCTAssertTrue(NameMatch.mentions("Kyrgyz or Tajik border guards", "Kyrgyz border guard"))
        XCTAssertFalse(NameMatch.mentions("Kyrgyz officials and Uzbek border guards", "Kyrgyz border guard"))
        XCTAssertFalse(NameMatch.mentions("Kyrgyz and Uzbek border guardsmen", "Kyrgyz border guard"))
        XCTAssertFalse(NameMatch.mentions("Uzbek and Kyrgyz officials", "Uzbek border guard"))
    }

    func testAcronymsMatchOnlyInCapitals() {
        XCTAssertTrue(NameMatch.mentions("the U.S. military and the US base", "US"))
        XCTAssertFalse(NameMatch.mentions("it is in its best interests to cooperate with us", "US"))
        XCTAssertFalse(NameMatch.mentions("focus on training", "US"))
    }
}
