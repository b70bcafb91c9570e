import DOT
import RelationModel

/// The one palette: Okabe–Ito colours, which colour-blind readers can tell apart, always paired with a
/// second cue (shape, line style, line width or a label) so diagrams also read in greyscale.
enum Palette {
    static let orange = Color(hex: "#E69F00")!
    static let skyBlue = Color(hex: "#56B4E9")!
    static let bluishGreen = Color(hex: "#009E73")!
    static let yellow = Color(hex: "#F0E442")!
    static let blue = Color(hex: "#0072B2")!
    static let vermillion = Color(hex: "#D55E00")!
    static let reddishPurple = Color(hex: "#CC79A7")!
    static let black = Color(hex: "#000000")!
    static let grey = Color(hex: "#7F7F7F")!
    static let lightGrey = Color(hex: "#D9D9D9")!
    static let ink = Color(hex: "#333333")!

    /// Node shape and fill by actor kind; fills are light tints so black labels stay legible.
    static func style(of kind: ActorKind) -> (shape: Shape, fill: Color, label: String) {
        switch kind {
        case .state: return (.box, skyBlue.opacity(0.35), "State")
        case .organization: return (.hexagon, orange.opacity(0.35), "Organization")
        case .agency: return (.component, bluishGreen.opacity(0.3), "Agency")
        case .person: return (.ellipse, reddishPurple.opacity(0.3), "Person")
        case .armedGroup: return (.octagon, vermillion.opacity(0.3), "Armed group")
        case .facility: return (.house, yellow.opacity(0.6), "Facility")
        case .place: return (.note, lightGrey, "Place")
        }
    }

    /// Edge colour by relation type, with its legend wording.
    static func color(of type: RelationType) -> Color {
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

    /// Edge colour by cooperation domain; related domains share a colour and the edge label names the domain.
    static func color(of domain: CooperationDomain?) -> (color: Color, label: String) {
        switch domain {
        case .counterTerrorism, .security, .intelligence:
            return (vermillion, "Counter-terrorism, security, intelligence")
        case .militaryTechnical, .training:
            return (reddishPurple, "Military-technical, training")
        case .police, .antiNarcotics, .border:
            return (blue, "Police, anti-narcotics, border")
        case .economic, .energyWater:
            return (bluishGreen, "Economic, energy and water")
        case .aid:
            return (orange, "Aid")
        case nil:
            return (grey, "Domain not stated")
        }
    }

    /// Line style by how far a relation stands from being in force, with its legend wording (nil for solid).
    static func lineStyle(of relation: Relation) -> (style: Style, label: String?) {
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
