/// A word of the model's closed vocabulary, spelled with hyphens in model files ("defense-pact").
public protocol Keyword: RawRepresentable<String> {}

extension Keyword {
    /// The keyword as it reads in prose: "defense-pact" → "defense pact".
    public var words: String { Self.words(rawValue) }

    /// Hyphens read as spaces, without a search through the text when there is none.
    static func words(_ keyword: String) -> String {
        let hyphen = UInt8(ascii: "-")
        guard keyword.utf8.contains(hyphen) else { return keyword }
        return String(decoding: keyword.utf8.map { $0 == hyphen ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
}

/// The kinds of actor a model may hold.
public enum ActorKind: String, CaseIterable, Sendable, Codable, Keyword {
    case state, organization, agency, person
    case armedGroup = "armed-group"
    case facility, place
    /// A group that a document names as one party without its being a state or an organization: several
    /// states ("the West", "the five countries of central Asia") or people ("villagers along the border").
    case collective

    /// The reader-facing name, as legends, tooltips and pages give it: "armed group"; a collective is a "group".
    public var noun: String { self == .collective ? "group" : words }

    /// Kinds that are expected to carry coordinates.
    public var isLocated: Bool { self == .state || self == .facility || self == .place }

    /// Kinds that can state or believe something, and so be what a relation is `according_to`.
    public var canMakeStatements: Bool { self != .facility && self != .place }

    /// Kinds whose territory may be contested, and so be `claimed_by` several states.
    public var canBeClaimed: Bool { self == .facility || self == .place }
}

/// How surely a document puts a relation, when less surely than as a plain fact. The document's own wording
/// belongs in the summary; this word lets readers and diagrams tell hedged relations from asserted ones.
public enum Hedge: String, CaseIterable, Sendable, Codable, Keyword {
    /// An actor's own statement or belief ("Bakiyev says", "Bakiyev believes"), named by `according_to`.
    case stated
    /// Passed on from others ("reportedly", "according to the Uzbek media", "allegations").
    case reported
    /// Forecast by the document ("is likely to", "is set to", "one can expect").
    case expected
    /// Put as possible or uncertain ("may", "perhaps", "apparently", "seems").
    case possible
}

/// The closed vocabulary of relation types.
public enum RelationType: String, CaseIterable, Sendable, Codable, Keyword {
    case membership, alliance, cooperation
    case baseDeployment = "base-deployment"
    case dispute, incident, meeting, agreement

    /// Whether the first participant acts on the second (member → organization, deployer → host).
    public var isDirected: Bool {
        switch self {
        case .membership, .baseDeployment, .dispute, .incident: return true
        case .alliance, .cooperation, .meeting, .agreement: return false
        }
    }

    /// The least number of participants a relation of this type names.
    public var minimumParticipants: Int { self == .incident ? 1 : 2 }

    /// A reader-facing plural name.
    public var title: String {
        switch self {
        case .membership: return "Memberships"
        case .alliance: return "Alliances and pacts"
        case .cooperation: return "Cooperation"
        case .baseDeployment: return "Base deployments"
        case .dispute: return "Disputes"
        case .incident: return "Incidents"
        case .meeting: return "Meetings and visits"
        case .agreement: return "Agreements"
        }
    }
}

/// Where a relation stands.
public enum RelationStatus: String, CaseIterable, Sendable, Codable, Keyword {
    case proposed, planned, agreed, ongoing, ended
    /// Asked for or offered, and turned down.
    case rejected
}

/// A member's standing in an organization.
public enum MembershipRole: String, CaseIterable, Sendable, Codable, Keyword {
    case member, founding, observer, planned, partner, withdrawn
}

/// Alliance kinds after the Correlates of War typology.
public enum AllianceType: String, CaseIterable, Sendable, Codable, Keyword {
    case defensePact = "defense-pact"
    case neutralityPact = "neutrality-pact"
    case entente
    case strategicPartnership = "strategic-partnership"
}

/// The field a cooperation or an agreement covers.
public enum CooperationDomain: String, CaseIterable, Sendable, Codable, Keyword {
    case counterTerrorism = "counter-terrorism"
    case militaryTechnical = "military-technical"
    case training, police
    case antiNarcotics = "anti-narcotics"
    case border, intelligence, economic
    case energyWater = "energy-water"
    case aid, security
}

/// What a dispute is about, after ICOW's claim types widened to the region's issues.
public enum DisputeSubject: String, CaseIterable, Sendable, Codable, Keyword {
    case border, enclave, territory, gas, water, energy, basing, rent, refugees, transit, political
}

/// An incident's category in the PLOVER event vocabulary.
public enum IncidentCategory: String, CaseIterable, Sendable, Codable, Keyword {
    case fight, assault, coerce, mobilize, protest, threaten
}
