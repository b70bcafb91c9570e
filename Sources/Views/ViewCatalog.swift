import RelationModel

/// The network views, in display order. Adding a view means adding its type here.
public enum ViewCatalog {
    public static let views: [any View.Type] = [
        OverviewView.self,
        AlliancesView.self,
        DeploymentsView.self,
        DisputesView.self,
        CooperationView.self,
        ActorFocusView.self,
    ]

    /// The views drawn as maps, in display order: the site also draws each of them for every year on the timeline.
    public static let maps: [any View.Type] = [AlliancesView.self, DeploymentsView.self, DisputesView.self]

    /// The views' ids, in display order.
    public static var viewIDs: [String] { views.map { $0.id } }

    /// The view with this id, if any.
    public static func view(named name: String) -> (any View.Type)? {
        views.first { $0.id == name }
    }

    /// Draws `view`; a convenience for code holding the view as `any View.Type`.
    public static func diagram(_ view: any View.Type, of model: RelationModel, options: ViewOptions,
                               links: LinkStyle) -> Diagram? {
        func draw<V: View>(_ type: V.Type) -> Diagram? { V.diagram(of: model, options: options, links: links) }
        return draw(view)
    }
}
