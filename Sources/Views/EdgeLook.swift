import DOT
import DiagramStyle
import RelationModel

/// How one relation's edge is drawn: colour with its meaning, line style, width and arrow.
struct EdgeLook {
    var color: Color
    var colorMeaning: String
    var style: Style
    var styleMeaning: String?
    var penwidth: Double = 1.4
    var arrowhead: ArrowType = .normal
    var isDirected: Bool
    /// The colour the legend shows for this look, when it is not the line's own (a look whose lines take the
    /// colour of their relation's type shows one neutral symbol).
    var legendColor: Color?
    /// Drawn as a double line: the document hedges the relation or gives it as one actor's account.
    var isHedged: Bool

    /// The usual look of a relation: coloured by type, styled by status, arrows only for directed types.
    init(relation: Relation) {
        let line = Palette.lineStyle(of: relation)
        color = Palette.color(of: relation.type)
        colorMeaning = relation.type.title
        style = line.style
        styleMeaning = line.label
        isDirected = relation.isDirected && relation.participants.count > 1
        isHedged = relation.isHedged
        switch relation.type {
        case .membership: arrowhead = .empty
        case .baseDeployment: arrowhead = .box
        case .incident: arrowhead = .vee; penwidth = 2
        case .dispute: penwidth = 2
        case .alliance: penwidth = relation.details.allianceType == .defensePact ? 2.6 : 1.8
        default: break
        }
    }

    /// The legend entries this look adds: its colour (with its width and arrow), its line style when not solid,
    /// and the double line when hedged.
    var legendEntries: [LegendEntry] {
        let line = LineSymbol(color: legendColor ?? color, width: min(penwidth, 3), arrowhead: isDirected ? arrowhead : nil)
        var entries = [LegendEntry(label: colorMeaning, kind: .edge(line))]
        if let styleMeaning {
            entries.append(LegendEntry(label: styleMeaning, kind: .edge(LineSymbol(style: style, color: Palette.ink))))
        }
        if isHedged {
            entries.append(LegendEntry(label: EdgeLook.hedgedMeaning, kind: .edge(LineSymbol(color: Palette.ink, isDoubleLine: true))))
        }
        return entries
    }

    static let hedgedMeaning = "Hedged, or one actor's account"

    func apply(to edge: inout Edge) {
        if isHedged {
            edge[.colorList] = .doubleLine(color)
        } else {
            edge[.color] = color
        }
        edge[.fontcolor] = Palette.ink
        if style.items != [.solid] { edge[.style] = style }
        edge[.penwidth] = penwidth
        if isDirected {
            edge[.arrowhead] = arrowhead
        } else {
            edge[.dir] = EdgeDirection.none
        }
    }
}
