/// A colour Graphviz accepts: `#rrggbb`, `#rrggbbaa`, or a known colour name. Invalid colours cannot be built.
public struct Color: KeywordAttributeValue, Hashable, Comparable {
    public let rawValue: String

    /// Accepts `#rrggbb`, `#rrggbbaa` or a known name (case-insensitive); nil otherwise.
    public init?(rawValue: String) {
        if let color = Color(hex: rawValue) ?? Color(name: rawValue) {
            self = color
        } else {
            return nil
        }
    }

    /// A colour from `#rrggbb` or `#rrggbbaa`, stored in lower case; nil for anything else (such as `#eef`).
    public init?(hex: String) {
        let digits = hex.dropFirst()
        guard hex.first == "#", digits.count == 6 || digits.count == 8,
              digits.allSatisfy({ $0.isASCII && $0.isHexDigit })
        else { return nil }
        rawValue = hex.lowercased()
    }

    /// A colour from a name Graphviz knows in every colour scheme; nil for unknown names.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard Color.knownNames.contains(lowered) else { return nil }
        rawValue = lowered
    }

    /// The same colour with an opacity from 0 (transparent) to 1 (opaque); names are returned unchanged.
    public func opacity(_ fraction: Double) -> Color {
        guard rawValue.hasPrefix("#") else { return self }
        let alpha = Int((min(max(fraction, 0), 1) * 255).rounded())
        let hex = String(alpha, radix: 16)
        return Color(hex: String(rawValue.prefix(7)) + (hex.count == 1 ? "0" + hex : hex)) ?? self
    }

    public static func < (lhs: Color, rhs: Color) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let black = Color(hex: "#000000")!
    public static let white = Color(hex: "#ffffff")!
    public static let transparent = Color(name: "transparent")!

    /// Colour names valid in Graphviz's default X11 scheme and in SVG.
    static let knownNames: Set<String> = [
        "transparent", "none", "black", "white", "gray", "grey", "lightgray", "lightgrey", "darkgray", "darkgrey",
        "dimgray", "dimgrey", "silver", "red", "darkred", "green", "darkgreen", "blue", "darkblue", "navy",
        "yellow", "orange", "darkorange", "purple", "magenta", "cyan", "brown", "pink", "gold", "beige",
        "ivory", "khaki", "maroon", "olive", "teal", "tan", "salmon", "coral", "crimson", "firebrick",
        "forestgreen", "steelblue", "slategray", "slategrey", "skyblue", "lightblue", "lightyellow", "whitesmoke",
        "gainsboro", "snow", "linen", "aliceblue", "lavender", "orchid", "plum", "violet", "indigo", "turquoise",
    ]
}
