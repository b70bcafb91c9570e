/// What a view should draw: a year, a focus actor, how far out to go and how much to show.
public struct ViewOptions: Sendable, Hashable {
    /// Only relations in force in this year (`Relation.isInForce(in:)`); all relations when nil.
    public var asOf: Int?
    /// The actor a focus view centres on.
    public var focusActor: String?
    /// How many relation steps out from the focus actor to go.
    public var hops: Int = 1
    /// The most actors a diagram shows before the rest are cut and counted in a "+N more" marker.
    public var maximumNodes: Int = 40
    /// Work shared by the diagrams of one model, when the caller keeps it (see `SharedViewWork`). It changes no
    /// diagram, so options that differ in it alone are equal.
    public var shared: SharedViewWork?

    public init(asOf: Int? = nil, focusActor: String? = nil, hops: Int = 1, maximumNodes: Int = 40, shared: SharedViewWork? = nil) {
        self.asOf = asOf
        self.focusActor = focusActor
        self.hops = hops
        self.maximumNodes = maximumNodes
        self.shared = shared
    }

    public static func == (left: ViewOptions, right: ViewOptions) -> Bool {
        (left.asOf, left.focusActor, left.hops, left.maximumNodes) == (right.asOf, right.focusActor, right.hops, right.maximumNodes)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(asOf)
        hasher.combine(focusActor)
        hasher.combine(hops)
        hasher.combine(maximumNodes)
    }
}
