import RelationModel

/// The days a relation is in force, for formats with a timeline (GEXF): a date known to the month or the year
/// stands for all of its days, so the interval runs from the first day its start may mean to the last day
/// its end may mean.
struct DayInterval: Equatable {
    /// `YYYY-MM-DD`, or nil when the interval is open at that end.
    var start: String?
    var end: String?

    init(start: String?, end: String?) {
        self.start = start
        self.end = end
    }

    /// Lasting relations run from start to end (open where a date is missing); events last the days their
    /// date covers. Nil for an undated relation, which no timeline can place.
    init?(_ relation: Relation) {
        if relation.type.isLasting {
            guard relation.start != nil || relation.end != nil else { return nil }
            start = relation.start.map(Self.firstDay)
            end = relation.end.map(Self.lastDay)
        } else {
            guard let when = relation.start ?? relation.end else { return nil }
            start = Self.firstDay(when)
            end = Self.lastDay(relation.end ?? when)
        }
    }

    static func firstDay(_ date: PartialDate) -> String {
        day(date.year, date.month ?? 1, date.day ?? 1)
    }

    static func lastDay(_ date: PartialDate) -> String {
        let month = date.month ?? 12
        return day(date.year, month, date.day ?? daysIn(month: month, year: date.year))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
