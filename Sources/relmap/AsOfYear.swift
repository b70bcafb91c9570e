import ArgumentParser

/// `--as-of`: a year as the model writes them, four digits.
enum AsOfYear {
    static let range = 1...9999

    static func validate(_ year: Int?) throws {
        if let year, !range.contains(year) {
            throw ValidationError("--as-of must be a year from \(range.lowerBound) to \(range.upperBound), not \(year)")
        }
    }
}
