/// Numbers as the pages, the diagrams and the exports write them.
public enum NumberText {
    /// A whole number without a decimal point (`12`, not `12.0`), any other number the shortest way that reads
    /// back as the same value. Below 10^15 every whole value converts to `Int` exactly; larger ones (which a model
    /// built in code may hold) are written as Swift writes a `Double`, so no value can trap.
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

extension Quantity {
    /// The amount with its unit: "600 km".
    public var amount: String { "\(NumberText.shortest(value)) \(unit)" }

    /// The amount and what it measures: "600 km border still in dispute".
    public var text: String { "\(amount) \(what)" }
}
