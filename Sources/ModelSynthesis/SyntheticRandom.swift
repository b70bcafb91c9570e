/// Draws from a seeded generator with arithmetic of our own, so the draws never change with the standard
/// library's implementation of `random(in:)`.
struct SyntheticRandom {
    private var generator: SplitMix64

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(generator.next() % width)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double {
        Double(generator.next() >> 11) / Double(UInt64(1) << 53)
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(0...(elements.count - 1))]
    }

    /// An index below `count`, low ones much likelier: a few organizations gather most members.
    mutating func skewedIndex(below count: Int) -> Int {
        min(count - 1, Int(Double(count) * unit() * unit() * unit()))
    }

    /// `count` distinct elements (or all of them when there are fewer).
    mutating func distinct<Element: Equatable>(_ count: Int, from elements: [Element]) -> [Element] {
        var chosen: [Element] = []
        while chosen.count < min(count, elements.count) {
            let candidate = pick(elements)
            if !chosen.contains(candidate) { chosen.append(candidate) }
        }
        return chosen
    }
}
