import RelationModel

/// A way of drawing the model. Each view is one type in one file, listed once in `ViewCatalog`.
public protocol View: Sendable {
    /// The view's id, used on the command line and in file names.
    static var id: String { get }
    static var title: String { get }
    /// The diagram, or nil when there is nothing to draw (no matching relations, an unknown focus actor).
    static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram?
}
