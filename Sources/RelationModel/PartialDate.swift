/// A calendar date known to a year, a month or a day, written `2006`, `2006-07` or `2006-07-22`.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public enum Precision: String, Sendable, Codable { case year, month, day }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when malformed or not a real calendar date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), year >= 1
        else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : nil
        let day = parts.count > 2 ? Int(parts[2]) : nil
        if let month, !(1...12).contains(month) { return nil }
        if let month, let day, !(1...PartialDate.daysIn(month: month, year: year)).contains(day) { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        var text = PartialDate.padded(year, to: 4)
        if let month { text += "-" + PartialDate.padded(month, to: 2) }
        if let day { text += "-" + PartialDate.padded(day, to: 2) }
        return text
    }

    /// `number` in decimal with leading zeros to `width` digits, as `%0Nd` writes it (dates are written for every
    /// row of every page, and `String(format:)` costs more than the rest of the row).
    static func padded(_ number: Int, to width: Int) -> String {
        let digits = String(number.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (number < 0 ? 1 : 0)))
        return (number < 0 ? "-" : "") + zeros + digits
    }

    /// The earliest day this date can mean, for ordering.
    var lowerBound: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }
    /// The latest day this date can mean.
    var upperBound: (Int, Int, Int) { (year, month ?? 12, day ?? 31) }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.lowerBound != rhs.lowerBound { return lhs.lowerBound < rhs.lowerBound }
        return lhs.precision.rank < rhs.precision.rank
    }

    /// True when `self` certainly lies before `other`, whatever their precisions leave open.
    public func isCertainlyBefore(_ other: PartialDate) -> Bool { upperBound < other.lowerBound }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PartialDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

private extension PartialDate.Precision {
    var rank: Int {
        switch self {
        case .year: return 0
        case .month: return 1
        case .day: return 2
        }
    }
}
