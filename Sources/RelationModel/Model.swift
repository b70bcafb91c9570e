/// A document of the corpus that relations cite.
public struct Source: Hashable, Sendable {
    public var id: String
    public var title: String
    public var publisher: String
    public var author: String?
    public var published: PartialDate
    public var dateNote: String?
    public var file: String
    public var url: String?
    /// How many paragraphs (non-empty lines) the document has, when recorded; evidence is checked against it.
    public var paragraphs: Int?
    public var location: SourceLocation

    public init(id: String, title: String, publisher: String, author: String? = nil, published: PartialDate,
                dateNote: String? = nil, file: String, url: String? = nil, paragraphs: Int? = nil,
                location: SourceLocation) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.author = author
        self.published = published
        self.dateNote = dateNote
        self.file = file
        self.url = url
        self.paragraphs = paragraphs
        self.location = location
    }
}

/// A point on the globe in decimal degrees.
public struct Coordinate: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A state, organization, agency, person, armed group, facility or place.
public struct Actor: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: ActorKind
    public var aliases: [String]
    public var country: String?
    public var office: String?
    public var iso3: String?
    public var coordinate: Coordinate?
    public var capital: String?
    public var note: String?
    public var location: SourceLocation
    /// Where individual fields were written, by key (`country`), for precise diagnostics.
    public var fieldLocations: [String: SourceLocation] = [:]

    public init(id: String, name: String, kind: ActorKind, aliases: [String] = [], country: String? = nil,
                office: String? = nil, iso3: String? = nil, coordinate: Coordinate? = nil, capital: String? = nil,
                note: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.country = country
        self.office = office
        self.iso3 = iso3
        self.coordinate = coordinate
        self.capital = capital
        self.note = note
        self.location = location
    }

    /// The name and every alias.
    public var names: [String] { [name] + aliases }
}

/// A pointer into the corpus: a source and a paragraph (its non-empty lines counted from 1).
public struct Evidence: Hashable, Sendable {
    public var source: String
    public var paragraph: Int
    /// Where the paragraph number was written.
    public var location: SourceLocation
    /// Where the source id was written; an unknown source is reported here.
    public var sourceLocation: SourceLocation

    public init(source: String, paragraph: Int, location: SourceLocation, sourceLocation: SourceLocation? = nil) {
        self.source = source
        self.paragraph = paragraph
        self.location = location
        self.sourceLocation = sourceLocation ?? location
    }
}

/// A stated amount, such as the length of a disputed border.
public struct Quantity: Hashable, Sendable {
    public var value: Double
    public var unit: String
    public var what: String

    public init(value: Double, unit: String, what: String) {
        self.value = value
        self.unit = unit
        self.what = what
    }
}

/// One source's version of a fact that another source states differently.
public struct Claim: Hashable, Sendable {
    public var field: String
    public var value: String
    public var evidence: [Evidence]
    public var location: SourceLocation

    public init(field: String, value: String, evidence: [Evidence], location: SourceLocation) {
        self.field = field
        self.value = value
        self.evidence = evidence
        self.location = location
    }
}

/// The keys that only some relation types carry.
public struct RelationDetails: Hashable, Sendable {
    public var role: MembershipRole?
    public var allianceType: AllianceType?
    public var domain: CooperationDomain?
    public var facility: String?
    public var personnel: Int?
    public var lease: String?
    public var subject: DisputeSubject?
    public var quantities: [Quantity] = []
    public var category: IncidentCategory?
    public var place: String?
    public var dead: Int?
    public var injured: Int?

    public init() {}
}

/// A dated, cited relation between actors.
public struct Relation: Hashable, Sendable {
    public var id: String
    public var type: RelationType
    public var participants: [String]
    public var start: PartialDate?
    public var end: PartialDate?
    public var status: RelationStatus
    public var summary: String
    public var evidence: [Evidence]
    public var claims: [Claim]
    public var details: RelationDetails
    public var location: SourceLocation
    /// Where individual fields were written, by key (`facility`, `place`, `participants.0`…), for precise diagnostics.
    public var fieldLocations: [String: SourceLocation] = [:]

    public init(id: String, type: RelationType, participants: [String], start: PartialDate? = nil,
                end: PartialDate? = nil, status: RelationStatus, summary: String, evidence: [Evidence],
                claims: [Claim] = [], details: RelationDetails = RelationDetails(), location: SourceLocation) {
        self.id = id
        self.type = type
        self.participants = participants
        self.start = start
        self.end = end
        self.status = status
        self.summary = summary
        self.evidence = evidence
        self.claims = claims
        self.details = details
        self.location = location
    }

    /// True when sources disagree about one of this relation's facts.
    public var isDisputedBetweenSources: Bool { !claims.isEmpty }

    /// Every actor the relation names: participants, then its facility and place.
    public var involvedActors: [String] {
        var ids = participants
        for extra in [details.facility, details.place].compactMap({ $0 }) where !ids.contains(extra) {
            ids.append(extra)
        }
        return ids
    }

    /// The year a timeline shows the relation first: the year it began or happened, or ended when it has no start;
    /// nil when it is undated.
    public var timelineYear: Int? { (start ?? end)?.year }

    /// Whether the relation was in force at some time during `year`: lasting relations from start to end
    /// (undated ones unless ended), events in the year they happened.
    public func isInForce(in year: Int) -> Bool {
        guard type.isLasting else {
            guard let when = start ?? end else { return false }
            return when.year == year
        }
        guard let years = yearsInForce else { return false }
        return years.first <= year && year <= years.last
    }

    /// The first and last year a lasting relation is in force (`Int.min` and `Int.max` where it has no start or
    /// end); nil for an event, and for an undated relation that ended.
    public var yearsInForce: (first: Int, last: Int)? {
        guard type.isLasting, !(start == nil && end == nil && status == .ended) else { return nil }
        return (start?.year ?? .min, end?.year ?? .max)
    }

    /// All distinct source ids cited, in first-cited order.
    public var citedSources: [String] {
        var seen: [String] = []
        for pointer in evidence + claims.flatMap(\.evidence) where !seen.contains(pointer.source) {
            seen.append(pointer.source)
        }
        return seen
    }
}

extension RelationType {
    /// Whether a relation of this type lasts until ended, rather than happening on one date.
    public var isLasting: Bool {
        switch self {
        case .meeting, .incident, .agreement: return false
        default: return true
        }
    }
}

/// A whole relation model: sources, actors and relations, with look-ups by id.
public struct RelationModel: Sendable {
    public var sources: [Source]
    public var actors: [Actor]
    public var relations: [Relation]
    public private(set) var sourcesByID: [String: Source]
    public private(set) var actorsByID: [String: Actor]
    public private(set) var relationsByID: [String: Relation]
    /// For each actor id, the positions in `relations` of the relations that involve it, ascending.
    public private(set) var relationPositionsByActor: [String: [Int]]

    public init(sources: [Source], actors: [Actor], relations: [Relation]) {
        self.sources = sources
        self.actors = actors
        self.relations = relations
        sourcesByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        actorsByID = Dictionary(actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        relationsByID = Dictionary(relations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var positions: [String: [Int]] = [:]
        for (position, relation) in relations.enumerated() {
            for actor in relation.involvedActors where positions[actor]?.last != position {
                positions[actor, default: []].append(position)
            }
        }
        relationPositionsByActor = positions
    }

    public func actor(_ id: String) -> Actor? { actorsByID[id] }
    public func source(_ id: String) -> Source? { sourcesByID[id] }
    public func relation(_ id: String) -> Relation? { relationsByID[id] }

    /// The relations that involve an actor, in model order.
    public func relations(involving actorID: String) -> [Relation] {
        (relationPositionsByActor[actorID] ?? []).map { relations[$0] }
    }

    /// The period the relations cover, by year.
    public var period: ClosedRange<Int>? {
        let years = relations.flatMap { [$0.start?.year, $0.end?.year].compactMap { $0 } }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first...last
    }
}
