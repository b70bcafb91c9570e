import RelationModel

/// Random dates at year, month or day precision.
enum SyntheticDate {
    static func random(_ random: inout SyntheticRandom, years: ClosedRange<Int>) -> PartialDate {
        let year = random.int(years)
        let roll = random.int(0...9)
        guard roll >= 3 else { return PartialDate(year: year) }
        let month = random.int(1...12)
        guard roll >= 6 else { return PartialDate(year: year, month: month) }
        return PartialDate(year: year, month: month, day: random.int(1...28))
    }
}
