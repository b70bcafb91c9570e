/// The kinds of actor a model may hold.
public enum ActorKind: String, CaseIterable, Sendable, Codable {
    case state, organization, agency, person
    case armedGroup = "armed-group"
    case facility, place

    /// Kinds that are expected to carry coordinates.
    public var isLocated: Bool { self == .state || self == .facility || self == .place }
}

/// The closed vocabulary of relation types.
public enum RelationType: String, CaseIterable, Sendable, Codable {
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
public enum RelationStatus: String, CaseIterable, Sendable, Codable {
    case proposed, planned, agreed, ongoing, ended
    /// Asked for or offered, and turned down.
    case rejected
}

/// A member's standing in an organization.
public enum MembershipRole: String, CaseIterable, Sendable, Codable {
    case member, founding, observer, planned, partner, withdrawn
}

/// Alliance kinds after the Correlates of War typology.
public enum AllianceType: String, CaseIterable, Sendable, Codable {
    case defensePact = "defense-pact"
    case neutralityPact = "neutrality-pact"
    case entente
    case strategicPartnership = "strategic-partnership"
}

/// The field a cooperation or an agreement covers.
public enum CooperationDomain: String, CaseIterable, Sendable, Codable {
    case counterTerrorism = "counter-terrorism"
    case militaryTechnical = "military-technical"
    case training, police
    case antiNarcotics = "anti-narcotics"
    case border, intelligence, economic
    case energyWater = "energy-water"
    case aid, security
}

/// What a dispute is about, after ICOW's claim types widened to the region's issues.
public enum DisputeSubject: String, CaseIterable, Sendable, Codable {
    case border, enclave, territory, gas, water, energy, basing, rent, refugees, transit, political
}

/// An incident's category in the PLOVER event vocabulary.
public enum IncidentCategory: String, CaseIterable, Sendable, Codable {
    case fight, assault, coerce, mobilize, protest, threaten
}
