import DOT

/// Layout attributes the network views need that the DOT module does not declare yet.
extension AttributeKey where Value == String {
    /// The node `twopi` puts at the centre.
    static var root: Self { .init("root") }
}

extension AttributeKey where Value == Double {
    /// How far sfdp's overlap removal may shrink (negative) or grow the layout.
    static var overlapScaling: Self { .init("overlap_scaling") }
}
