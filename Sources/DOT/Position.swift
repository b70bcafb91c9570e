/// A node position in inches (Graphviz's `pos`), optionally pinned so neato and fdp keep it.
public struct Position: AttributeValue, Hashable {
    public var x: Double
    public var y: Double
    public var isPinned: Bool

    public init(x: Double, y: Double, pinned: Bool = true) {
        self.x = x
        self.y = y
        isPinned = pinned
    }

    public func dotValue(as role: ValueRole) -> DOTValue {
        .plain(DOTEncoder.format(x) + "," + DOTEncoder.format(y) + (isPinned ? "!" : ""))
    }
}
