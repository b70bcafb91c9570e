/// Made-up names: pronounceable, some with the quotes, colons and accents real names carry.
enum SyntheticNames {
    static let syllables = ["ka", "ro", "mi", "tan", "zu", "bel", "or", "shi", "va", "lek", "dar", "no", "is", "gul",
                            "ur", "san", "ta", "pe", "khan", "el", "mar", "ob", "si", "yev"]
    static let awkward = ["\"Northern\" Union", "Front: East", "O'Hara & Sons", "Ünal Çelik", "Group [A], {B}",
                          "# not a comment", "- a dash", "key: value", "@home", "back\\slash", "tab\there", "yes", "null", "~"]

    /// A capitalised word of two or three syllables.
    static func word(_ random: inout SyntheticRandom) -> String {
        let count = random.int(2...3)
        let text = (0..<count).map { _ in random.pick(syllables) }.joined()
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// A name, now and then an awkward one, so that quoting is exercised.
    static func name(index: Int, base: String) -> String {
        index % 23 == 7 ? "\(base) \(awkward[(index / 23) % awkward.count])" : base
    }

    /// A safe-slug id from a name and a number: `varonia-12`.
    static func id(_ name: String, _ index: Int) -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        var base = String(slug.prefix(40))
        while base.hasSuffix("-") { base.removeLast() }
        return base.isEmpty ? "actor-\(index)" : "\(base)-\(index)"
    }
}
