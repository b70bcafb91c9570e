import DOT
import RelationModel

/// The one palette of every diagram, and of the exports that carry colours (GEXF). Lines are coloured by relation type with the eight Okabe–Ito colours, which
/// colour-blind readers can tell apart, and a type keeps its colour on every map; nodes are filled with light
/// tints of their own (no fill repeats a line colour), and every colour is paired with a second cue (shape, line
/// style, line width or a label) so diagrams also read in greyscale. A second dimension drawn in colour, such as a
/// cooperation's domain, takes colours no relation type uses (`domainColors`).
public enum Palette {
    public static let orange = Color(hex: "#E69F00")!
    public static let skyBlue = Color(hex: "#56B4E9")!
    public static let bluishGreen = Color(hex: "#009E73")!
    public static let yellow = Color(hex: "#F0E442")!
    public static let blue = Color(hex: "#0072B2")!
    public static let vermillion = Color(hex: "#D55E00")!
    public static let reddishPurple = Color(hex: "#CC79A7")!
    public static let black = Color(hex: "#000000")!
    public static let grey = Color(hex: "#7F7F7F")!
    public static let lightGrey = Color(hex: "#D9D9D9")!
    public static let ink = Color(hex: "#333333")!
    /// The fill of an actor drawn only to keep its place, with nothing in force in the year shown.
    public static let faint = Color(hex: "#F4F4F4")!

    /// Node shape and fill by actor kind, with the kind's name for legends; fills are light and opaque, so black
    /// labels stay legible and lines behind a node do not show through it.
    public static func style(of kind: ActorKind) -> (shape: Shape, fill: Color, label: String) {
        let label = kind.noun.prefix(1).uppercased() + kind.noun.dropFirst()
        switch kind {
        case .state: return (.box, Color(hex: "#D4E9F7")!, label)
        case .organization: return (.hexagon, Color(hex: "#F8E3BD")!, label)
        case .agency: return (.component, Color(hex: "#CDEBE0")!, label)
        case .person: return (.ellipse, Color(hex: "#F1DCE8")!, label)
        case .armedGroup: return (.octagon, Color(hex: "#F5D3BF")!, label)
        case .facility: return (.house, Color(hex: "#FAF3B8")!, label)
        case .place: return (.note, Color(hex: "#E4E4E4")!, label)
        case .collective: return (.box3d, Color(hex: "#DCE3F0")!, label)
        }
    }

    /// Edge colour by relation type, with its legend wording.
    public static func color(of type: RelationType) -> Color {
        switch type {
        case .membership: return blue
        case .alliance: return bluishGreen
        case .cooperation: return skyBlue
        case .agreement: return orange
        case .baseDeployment: return reddishPurple
        case .dispute: return vermillion
        case .incident: return black
        case .meeting: return grey
        }
    }

    /// Colours for a cooperation's domain, from Paul Tol's colour-blind-safe "muted" scheme, none of them a
    /// relation type's colour: on the cooperation map, where every line is a cooperation, colour shows the domain.
    public static let domainColors = (security: Color(hex: "#882255")!, military: Color(hex: "#332288")!,
                               police: Color(hex: "#44AA99")!, economic: Color(hex: "#999933")!,
                               aid: Color(hex: "#CC6677")!, unstated: Color(hex: "#AA4499")!)

    /// Edge colour by cooperation domain; related domains share a colour and the edge label names the domain.
    public static func color(of domain: CooperationDomain?) -> (color: Color, label: String) {
        switch domain {
        case .counterTerrorism, .security, .intelligence:
            return (domainColors.security, "Counter-terrorism, security, intelligence")
        case .militaryTechnical, .training:
            return (domainColors.military, "Military-technical, training")
        case .police, .antiNarcotics, .border:
            return (domainColors.police, "Police, anti-narcotics, border")
        case .economic, .energyWater:
            return (domainColors.economic, "Economic, energy and water")
        case .aid:
            return (domainColors.aid, "Aid")
        case nil:
            return (domainColors.unstated, "Domain not stated")
        }
    }

    /// Line style by how far a relation stands from being in force, with its legend wording (nil for solid).
    public static func lineStyle(of relation: Relation) -> (style: Style, label: String?) {
        if relation.details.role == .withdrawn { return ([.dotted], "Ended, withdrawn or turned down") }
        if relation.details.role == .planned { return ([.dashed], "Planned or proposed") }
        switch relation.status {
        case .proposed, .planned: return ([.dashed], "Planned or proposed")
        case .rejected: return ([.dotted], "Ended, withdrawn or turned down")
        case .ended: return relation.type.isLasting ? ([.dotted], "Ended, withdrawn or turned down") : ([.solid], nil)
        case .agreed, .ongoing: return ([.solid], nil)
        }
    }
}
