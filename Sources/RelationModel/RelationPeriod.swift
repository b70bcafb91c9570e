/// When a relation holds, as every text about it words it: pages, tooltips, captions and search entries.
public enum RelationPeriod: Sendable, Hashable {
    /// From one date to another (the same date for a one-day event with both given).
    case between(PartialDate, PartialDate)
    /// A lasting relation that has not ended, from its start.
    case since(PartialDate)
    /// A lasting relation that has ended, from its start; when it ended is not stated.
    case from(PartialDate)
    /// An event on its date.
    case on(PartialDate)
    /// Until a date, from a start that is not stated.
    case until(PartialDate)
    case undated

    /// The dates as a page gives them: "2006-07-22", "2001 – 2005", "since 2005", "until 1999", "undated".
    public var text: String {
        switch self {
        case let .between(start, end): return start == end ? "\(start)" : "\(start) – \(end)"
        case let .since(start): return "since \(start)"
        case let .from(start), let .on(start): return "\(start)"
        case let .until(end): return "until \(end)"
        case .undated: return "undated"
        }
    }

    /// The dates as a range in words: "2006-07-22 to 2010", "from 2003", "2006-07", "until 1999", "undated".
    public var range: String {
        switch self {
        case let .between(start, end): return "\(start) to \(end)"
        case let .since(start), let .from(start): return "from \(start)"
        case let .on(start): return start.description
        case let .until(end): return "until \(end)"
        case .undated: return "undated"
        }
    }

    /// The years alone, for a label on a diagram: "2003–2017", "since 2003", "until 1999", "2006"; nil when
    /// undated.
    public var years: String? {
        switch self {
        case let .between(start, end): return start.year == end.year ? String(start.year) : "\(start.year)–\(end.year)"
        case let .since(start): return "since \(start.year)"
        case let .from(start), let .on(start): return String(start.year)
        case let .until(end): return "until \(end.year)"
        case .undated: return nil
        }
    }
}

extension Relation {
    /// When the relation holds: its start and end, and for a start alone whether it lasts and still holds.
    public var period: RelationPeriod {
        switch (start, end) {
        case let (start?, end?): return .between(start, end)
        case let (start?, nil):
            guard type.isLasting else { return .on(start) }
            return status == .ended ? .from(start) : .since(start)
        case let (nil, end?): return .until(end)
        case (nil, nil): return .undated
        }
    }
}
