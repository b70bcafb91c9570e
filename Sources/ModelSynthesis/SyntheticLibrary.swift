/// The sources of a synthetic model: documents with a known number of paragraphs for evidence to cite.
struct SyntheticLibrary {
    private(set) var ids: [String] = []
    private(set) var paragraphs: [Int] = []
    private(set) var yaml = ""

    init(count: Int, random: inout SyntheticRandom) {
        var writer = YAMLListWriter(key: "sources")
        let publishers = ["Eurasia Monitor", "Registan", "Central Asia Daily", "Ministry of Foreign Affairs", "Wire Service"]
        for number in 1...count {
            let id = "source-\(number)"
            let paragraphCount = random.int(8...60)
            let published = SyntheticDate.random(&random, years: 1965...2025)
            ids.append(id)
            paragraphs.append(paragraphCount)
            writer.item([
                ("id", YAMLValue.text(id)),
                ("title", YAMLValue.text("\(SyntheticNames.word(&random)) and \(SyntheticNames.word(&random)): report \(number)")),
                ("publisher", YAMLValue.text(random.pick(publishers))),
                ("author", random.chance(0.5) ? YAMLValue.text("\(SyntheticNames.word(&random)) \(SyntheticNames.word(&random))") : nil),
                ("published", YAMLValue.text(published.description)),
                ("file", YAMLValue.text(YAMLValue.zeroPadded(number, width: 5) + "_synthetic.txt")),
                ("url", random.chance(0.7) ? YAMLValue.text("https://example.org/\(id)") : nil),
                ("paragraphs", String(paragraphCount)),
            ])
        }
        yaml = writer.finished
    }

    /// One to three evidence pointers into random documents.
    func evidence(_ random: inout SyntheticRandom, count: Int? = nil) -> [(source: String, paragraph: Int)] {
        (0..<(count ?? random.int(1...3))).map { _ in
            let index = random.int(0...(ids.count - 1))
            return (ids[index], random.int(1...paragraphs[index]))
        }
    }
}
