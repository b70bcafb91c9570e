import RelationModel

/// The normalised model that the JSON export writes; `docs/exports.md` documents every key.
/// Absent optional values are left out rather than written as null.
public struct ExportedModel: Codable, Equatable, Sendable {
    /// Bumped whenever a key changes meaning or disappears; new keys may appear without a bump.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var period: Period?
    public var sources: [ExportedSource]
    public var actors: [ExportedActor]
    public var relations: [ExportedRelation]

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case period, sources, actors, relations
    }

    /// The first and last years the relations' dates cover.
    public struct Period: Codable, Equatable, Sendable {
        public var first: Int
        public var last: Int
    }

    public init(_ model: RelationModel) {
        let sorted = model.sortedForExport
        formatVersion = Self.currentFormatVersion
        period = model.period.map { Period(first: $0.lowerBound, last: $0.upperBound) }
        sources = sorted.sources.map(ExportedSource.init)
        actors = sorted.actors.map(ExportedActor.init)
        relations = sorted.relations.map { ExportedRelation($0, in: model) }
    }
}

/// A corpus document.
public struct ExportedSource: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var publisher: String
    public var author: String?
    public var published: ExportedDate
    public var dateNote: String?
    public var file: String
    public var url: String?
    public var paragraphs: Int?

    enum CodingKeys: String, CodingKey {
        case id, title, publisher, author, published, file, url, paragraphs
        case dateNote = "date_note"
    }

    init(_ source: Source) {
        id = source.id
        title = source.title
        publisher = source.publisher
        author = source.author
        published = ExportedDate(source.published)
        dateNote = source.dateNote
        file = source.file
        url = source.url
        paragraphs = source.paragraphs
    }
}

/// A date with its precision: `{"date": "2006-07", "precision": "month"}`.
public struct ExportedDate: Codable, Equatable, Sendable {
    public var date: String
    public var precision: String

    init(_ date: PartialDate) {
        self.date = date.description
        precision = date.precision.rawValue
    }
}

/// An actor.
public struct ExportedActor: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var kind: String
    public var aliases: [String]
    public var country: String?
    /// The states that each claim a contested place; absent when the place is not contested.
    public var claimedBy: [String]?
    public var office: String?
    public var iso3: String?
    public var location: ExportedCoordinate?
    public var capital: String?
    public var note: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, kind, aliases, country, office, iso3, location, capital, note
        case claimedBy = "claimed_by"
    }

    init(_ actor: Actor) {
        id = actor.id
        name = actor.name
        kind = actor.kind.rawValue
        aliases = actor.aliases
        country = actor.country
        claimedBy = actor.claimedBy.isEmpty ? nil : actor.claimedBy
        office = actor.office
        iso3 = actor.iso3
        location = actor.coordinate.map { ExportedCoordinate(lat: $0.latitude, lon: $0.longitude) }
        capital = actor.capital
        note = actor.note
    }
}

/// Decimal degrees.
public struct ExportedCoordinate: Codable, Equatable, Sendable {
    public var lat: Double
    public var lon: Double
}

/// A participant resolved to the actor's name and kind (both absent when the id names no actor).
public struct ExportedParticipant: Codable, Equatable, Sendable {
    public var id: String
    public var name: String?
    public var kind: String?
}

/// An evidence pointer with the cited document's file.
public struct ExportedEvidence: Codable, Equatable, Sendable {
    public var source: String
    public var paragraph: Int
    public var file: String?

    init(_ evidence: Evidence, in model: RelationModel) {
        source = evidence.source
        paragraph = evidence.paragraph
        file = model.source(evidence.source)?.file
    }
}

/// One source's version of a disputed fact.
public struct ExportedClaim: Codable, Equatable, Sendable {
    public var field: String
    public var value: String
    public var evidence: [ExportedEvidence]
}

/// A stated amount.
public struct ExportedQuantity: Codable, Equatable, Sendable {
    public var value: Double
    public var unit: String
    public var what: String
}

/// A relation with its participants resolved.
public struct ExportedRelation: Codable, Equatable, Sendable {
    public var id: String
    public var type: String
    public var directed: Bool
    public var participants: [ExportedParticipant]
    public var start: ExportedDate?
    public var end: ExportedDate?
    public var status: String
    public var summary: String
    /// The actor whose statement or belief the relation is, resolved like a participant.
    public var accordingTo: ExportedParticipant?
    public var hedge: String?
    public var evidence: [ExportedEvidence]
    public var claims: [ExportedClaim]
    public var role: String?
    public var allianceType: String?
    public var domain: String?
    public var facility: ExportedParticipant?
    public var personnel: Int?
    public var lease: String?
    public var subject: String?
    public var quantities: [ExportedQuantity]?
    public var category: String?
    public var place: ExportedParticipant?
    public var dead: Int?
    public var injured: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, type, directed, participants, start, end, status, summary, hedge, evidence, claims
        case role, domain, facility, personnel, lease, subject, quantities, category, place, dead, injured
        case allianceType = "alliance_type"
        case accordingTo = "according_to"
    }

    init(_ relation: Relation, in model: RelationModel) {
        func resolve(_ id: String) -> ExportedParticipant {
            let actor = model.actor(id)
            return ExportedParticipant(id: id, name: actor?.name, kind: actor?.kind.rawValue)
        }
        let details = relation.details
        id = relation.id
        type = relation.type.rawValue
        directed = relation.isDirected
        participants = relation.participants.map(resolve)
        start = relation.start.map(ExportedDate.init)
        end = relation.end.map(ExportedDate.init)
        status = relation.status.rawValue
        summary = relation.summary
        accordingTo = relation.accordingTo.map(resolve)
        hedge = relation.hedge?.rawValue
        evidence = relation.evidence.map { ExportedEvidence($0, in: model) }
        claims = relation.claims.map { claim in
            ExportedClaim(field: claim.field, value: claim.value, evidence: claim.evidence.map { ExportedEvidence($0, in: model) })
        }
        role = details.role?.rawValue
        allianceType = details.allianceType?.rawValue
        domain = details.domain?.rawValue
        facility = details.facility.map(resolve)
        personnel = details.personnel
        lease = details.lease
        subject = details.subject?.rawValue
        quantities = details.quantities.isEmpty ? nil : details.quantities.map { ExportedQuantity(value: $0.value, unit: $0.unit, what: $0.what) }
        category = details.category?.rawValue
        place = details.place.map(resolve)
        dead = details.dead
        injured = details.injured
    }
}
