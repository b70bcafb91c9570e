/// An HTML-like label: formatted text or a table, built from typed parts so it is always well-formed.
public enum HTMLLabel: Sendable, Equatable {
    case text([HTMLText])
    case table(HTMLTable)
}

/// A run of text in an HTML-like label; newlines become line breaks.
public struct HTMLText: Sendable, Equatable {
    public var string: String
    public var isBold: Bool
    public var isItalic: Bool
    public var color: Color?
    public var pointSize: Double?
    public var face: String?

    public init(_ string: String, bold: Bool = false, italic: Bool = false, color: Color? = nil,
                pointSize: Double? = nil, face: String? = nil) {
        self.string = string
        isBold = bold
        isItalic = italic
        self.color = color
        self.pointSize = pointSize
        self.face = face
    }
}

/// A table in an HTML-like label, such as a legend.
public struct HTMLTable: Sendable, Equatable {
    public var rows: [[HTMLCell]]
    public var border: Int
    public var cellBorder: Int
    public var cellSpacing: Int
    public var cellPadding: Int
    public var backgroundColor: Color?
    public var color: Color?
    /// A size the table keeps in a larger cell (`FIXEDSIZE`), put at the cell's bottom left; without one,
    /// Graphviz spreads a cell's extra width over the table's columns.
    public var fixedSize: Size?

    /// A table's size in points.
    public struct Size: Sendable, Equatable {
        public var width: Int
        public var height: Int

        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }
    }

    public init(rows: [[HTMLCell]] = [], border: Int = 0, cellBorder: Int = 0, cellSpacing: Int = 0,
                cellPadding: Int = 2, backgroundColor: Color? = nil, color: Color? = nil) {
        self.rows = rows
        self.border = border
        self.cellBorder = cellBorder
        self.cellSpacing = cellSpacing
        self.cellPadding = cellPadding
        self.backgroundColor = backgroundColor
        self.color = color
    }
}

/// One cell of an HTML-like table.
public struct HTMLCell: Sendable, Equatable {
    /// What a cell holds.
    public enum Content: Sendable, Equatable {
        case empty
        case text([HTMLText])
        case table(HTMLTable)
    }

    /// Horizontal alignment of a cell's content.
    public enum Alignment: String, Sendable, Equatable {
        case left = "LEFT", center = "CENTER", right = "RIGHT"
    }

    /// Which borders of a cell are drawn.
    public enum Side: String, Sendable, Equatable, CaseIterable {
        case left = "L", top = "T", right = "R", bottom = "B"
    }

    /// How a cell's border is drawn.
    public enum BorderStyle: String, Sendable, Equatable {
        case solid, dashed, dotted, rounded
        case invisible = "invis"
    }

    public var content: Content
    public var columnSpan: Int?
    public var alignment: Alignment?
    public var backgroundColor: Color?
    public var color: Color?
    public var border: Int?
    public var width: Int?
    public var height: Int?
    /// Fixes the cell to `width` × `height` points.
    public var isFixedSize: Bool
    /// The borders drawn; all when empty.
    public var sides: [Side] = []
    public var borderStyle: BorderStyle?
    public var cellPadding: Int?
    /// How lines broken inside the cell's text are aligned.
    public var lineAlignment: Alignment?

    public init(_ content: Content = .empty, columnSpan: Int? = nil, alignment: Alignment? = nil,
                backgroundColor: Color? = nil, color: Color? = nil, border: Int? = nil,
                width: Int? = nil, height: Int? = nil, fixedSize: Bool = false) {
        self.content = content
        self.columnSpan = columnSpan
        self.alignment = alignment
        self.backgroundColor = backgroundColor
        self.color = color
        self.border = border
        self.width = width
        self.height = height
        isFixedSize = fixedSize
    }

    /// A cell with one run of text.
    public static func text(_ text: HTMLText, alignment: Alignment? = nil, columnSpan: Int? = nil) -> HTMLCell {
        var cell = HTMLCell(.text([text]), columnSpan: columnSpan, alignment: alignment)
        cell.lineAlignment = alignment
        return cell
    }
}
