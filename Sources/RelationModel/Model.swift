/// A document of the corpus that relations cite.
public struct Source: Hashable, Sendable, Encodable {
    /// The stored fields, shared between copies until one changes: pages and diagrams copy sources by the thousand.
    private struct Fields: Hashable, Sendable, Encodable {
        var id: String
        var title: String
        var publisher: String
        var author: String?
        var published: PartialDate
        var dateNote: String?
        var file: String
        var url: String?
        var paragraphs: Int?
        var location: SourceLocation

        /// Every field but where it was written (see `RelationModel`'s `Encodable`).
        enum CodingKeys: String, CodingKey {
            case id, title, publisher, author, published, dateNote, file, url, paragraphs
        }
    }

    private var shared: SharedValue<Fields>

    public var id: String {
        get { shared.value.id }
        set { shared = shared.changing { $0.id = newValue } }
    }

    public var title: String {
        get { shared.value.title }
        set { shared = shared.changing { $0.title = newValue } }
    }

    public var publisher: String {
        get { shared.value.publisher }
        set { shared = shared.changing { $0.publisher = newValue } }
    }

    public var author: String? {
        get { shared.value.author }
        set { shared = shared.changing { $0.author = newValue } }
    }

    public var published: PartialDate {
        get { shared.value.published }
        set { shared = shared.changing { $0.published = newValue } }
    }

    public var dateNote: String? {
        get { shared.value.dateNote }
        set { shared = shared.changing { $0.dateNote = newValue } }
    }

    public var file: String {
        get { shared.value.file }
        set { shared = shared.changing { $0.file = newValue } }
    }

    public var url: String? {
        get { shared.value.url }
        set { shared = shared.changing { $0.url = newValue } }
    }

    /// How many paragraphs (non-empty lines) the document has, when recorded; evidence is checked against it.
    public var paragraphs: Int? {
        get { shared.value.paragraphs }
        set { shared = shared.changing { $0.paragraphs = newValue } }
    }

    public var location: SourceLocation {
        get { shared.value.location }
        set { shared = shared.changing { $0.location = newValue } }
    }

    public init(id: String, title: String, publisher: String, author: String? = nil, published: PartialDate,
                dateNote: String? = nil, file: String, url: String? = nil, paragraphs: Int? = nil,
                location: SourceLocation) {
        shared = SharedValue(Fields(id: id, title: title, publisher: publisher, author: author, published: published,
                                    dateNote: dateNote, file: file, url: url, paragraphs: paragraphs, location: location))
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
public struct Actor: Hashable, Sendable, Encodable {
    /// The stored fields, shared between copies until one changes: views and pages copy actors by the thousand.
    private struct Fields: Hashable, Sendable, Encodable {
        var id: String
        var name: String
        var kind: ActorKind
        var aliases: [String]
        var country: String?
        var claimedBy: [String]
        var office: String?
        var iso3: String?
        var coordinate: Coordinate?
        var capital: String?
        var note: String?
        var location: SourceLocation
        var fieldLocations: [String: SourceLocation]

        /// Every field but where it was written (see `RelationModel`'s `Encodable`).
        enum CodingKeys: String, CodingKey {
            case id, name, kind, aliases, country, claimedBy, office, iso3, coordinate, capital, note
        }
    }

    private var shared: SharedValue<Fields>

    public var id: String {
        get { shared.value.id }
        set { shared = shared.changing { $0.id = newValue } }
    }

    public var name: String {
        get { shared.value.name }
        set { shared = shared.changing { $0.name = newValue } }
    }

    public var kind: ActorKind {
        get { shared.value.kind }
        set { shared = shared.changing { $0.kind = newValue } }
    }

    public var aliases: [String] {
        get { shared.value.aliases }
        set { shared = shared.changing { $0.aliases = newValue } }
    }

    public var country: String? {
        get { shared.value.country }
        set { shared = shared.changing { $0.country = newValue } }
    }

    /// The states that each claim a contested place, when it has no undisputed `country`.
    public var claimedBy: [String] {
        get { shared.value.claimedBy }
        set { shared = shared.changing { $0.claimedBy = newValue } }
    }

    public var office: String? {
        get { shared.value.office }
        set { shared = shared.changing { $0.office = newValue } }
    }

    public var iso3: String? {
        get { shared.value.iso3 }
        set { shared = shared.changing { $0.iso3 = newValue } }
    }

    public var coordinate: Coordinate? {
        get { shared.value.coordinate }
        set { shared = shared.changing { $0.coordinate = newValue } }
    }

    public var capital: String? {
        get { shared.value.capital }
        set { shared = shared.changing { $0.capital = newValue } }
    }

    public var note: String? {
        get { shared.value.note }
        set { shared = shared.changing { $0.note = newValue } }
    }

    public var location: SourceLocation {
        get { shared.value.location }
        set { shared = shared.changing { $0.location = newValue } }
    }

    /// Where individual fields were written, by key (`country`, `aliases.0`, `claimed_by.1`…), for precise diagnostics.
    public var fieldLocations: [String: SourceLocation] {
        get { shared.value.fieldLocations }
        set { shared = shared.changing { $0.fieldLocations = newValue } }
    }

    public init(id: String, name: String, kind: ActorKind, aliases: [String] = [], country: String? = nil,
                claimedBy: [String] = [], office: String? = nil, iso3: String? = nil, coordinate: Coordinate? = nil,
                capital: String? = nil, note: String? = nil, location: SourceLocation) {
        shared = SharedValue(Fields(id: id, name: name, kind: kind, aliases: aliases, country: country,
                                    claimedBy: claimedBy, office: office,
                                    iso3: iso3, coordinate: coordinate, capital: capital, note: note, location: location,
                                    fieldLocations: [:]))
    }

    /// The name and every alias.
    public var names: [String] { [name] + aliases }
}

/// A pointer into the corpus: a source and a paragraph (its non-empty lines counted from 1).
public struct Evidence: Hashable, Sendable, Encodable {
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

    /// Every field but where it was written (see `RelationModel`'s `Encodable`).
    enum CodingKeys: String, CodingKey {
        case source, paragraph
    }
}

/// A stated amount, such as the length of a disputed border.
public struct Quantity: Hashable, Sendable, Encodable {
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
public struct Claim: Hashable, Sendable, Encodable {
    public var field: String
    public var value: String
    public var evidence: [Evidence]
    public var location: SourceLocation
    /// Where the field name was written; a field the relation does not have is reported here.
    public var fieldLocation: SourceLocation
    /// Where the value was written; a value naming no actor is reported here.
    public var valueLocation: SourceLocation

    public init(field: String, value: String, evidence: [Evidence], location: SourceLocation,
                fieldLocation: SourceLocation? = nil, valueLocation: SourceLocation? = nil) {
        self.field = field
        self.value = value
        self.evidence = evidence
        self.location = location
        self.fieldLocation = fieldLocation ?? location
        self.valueLocation = valueLocation ?? location
    }

    /// Every field but where it was written (see `RelationModel`'s `Encodable`).
    enum CodingKeys: String, CodingKey {
        case field, value, evidence
    }
}

/// The keys that only some relation types carry.
public struct RelationDetails: Hashable, Sendable, Encodable {
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
public struct Relation: Hashable, Sendable, Encodable {
    /// The stored fields, shared between copies until one changes: views and pages copy relations by the tens of thousands.
    private struct Fields: Hashable, Sendable, Encodable {
        var id: String
        var type: RelationType
        var participants: [String]
        var start: PartialDate?
        var end: PartialDate?
        var status: RelationStatus
        var summary: String
        var accordingTo: String?
        var hedge: Hedge?
        var evidence: [Evidence]
        var claims: [Claim]
        var details: RelationDetails
        var directed: Bool?
        var location: SourceLocation
        var fieldLocations: [String: SourceLocation]
        /// Derived from the sources (see `firstAttested`), so not encoded.
        var firstAttested: Int?

        /// Every field but where it was written (see `RelationModel`'s `Encodable`).
        enum CodingKeys: String, CodingKey {
            case id, type, participants, start, end, status, summary, accordingTo, hedge, evidence, claims, details, directed
        }
    }

    private var shared: SharedValue<Fields>

    public var id: String {
        get { shared.value.id }
        set { shared = shared.changing { $0.id = newValue } }
    }

    /// `false` when a dispute or an incident names no side as its challenger or initiator; nil as the type has it.
    public var directed: Bool? {
        get { shared.value.directed }
        set { shared = shared.changing { $0.directed = newValue } }
    }

    /// Whether the first participant acts on the others: the type's direction, unless the relation says the
    /// document names no side as starting it.
    public var isDirected: Bool { type.isDirected && directed != false }

    public var type: RelationType {
        get { shared.value.type }
        set { shared = shared.changing { $0.type = newValue } }
    }

    public var participants: [String] {
        get { shared.value.participants }
        set { shared = shared.changing { $0.participants = newValue } }
    }

    public var start: PartialDate? {
        get { shared.value.start }
        set { shared = shared.changing { $0.start = newValue } }
    }

    public var end: PartialDate? {
        get { shared.value.end }
        set { shared = shared.changing { $0.end = newValue } }
    }

    public var status: RelationStatus {
        get { shared.value.status }
        set { shared = shared.changing { $0.status = newValue } }
    }

    public var summary: String {
        get { shared.value.summary }
        set { shared = shared.changing { $0.summary = newValue } }
    }

    /// The actor whose statement or belief the relation is, when the document attributes it to one.
    public var accordingTo: String? {
        get { shared.value.accordingTo }
        set { shared = shared.changing { $0.accordingTo = newValue } }
    }

    /// How surely the document puts the relation; nil when it asserts it as a fact.
    public var hedge: Hedge? {
        get { shared.value.hedge }
        set { shared = shared.changing { $0.hedge = newValue } }
    }

    public var evidence: [Evidence] {
        get { shared.value.evidence }
        set { shared = shared.changing { $0.evidence = newValue } }
    }

    public var claims: [Claim] {
        get { shared.value.claims }
        set { shared = shared.changing { $0.claims = newValue } }
    }

    public var details: RelationDetails {
        get { shared.value.details }
        set { shared = shared.changing { $0.details = newValue } }
    }

    public var location: SourceLocation {
        get { shared.value.location }
        set { shared = shared.changing { $0.location = newValue } }
    }

    /// Where individual fields were written, by key (`facility`, `place`, `participants.0`…), for precise diagnostics.
    public var fieldLocations: [String: SourceLocation] {
        get { shared.value.fieldLocations }
        set { shared = shared.changing { $0.fieldLocations = newValue } }
    }

    /// For a lasting relation with neither start nor end, the year of the earliest source that cites it: the
    /// first year the documents show it in force. `RelationModel` sets it from its sources; nil otherwise.
    public var firstAttested: Int? {
        get { shared.value.firstAttested }
        set { shared = shared.changing { $0.firstAttested = newValue } }
    }

    public init(id: String, type: RelationType, participants: [String], start: PartialDate? = nil,
                end: PartialDate? = nil, status: RelationStatus, summary: String, accordingTo: String? = nil,
                hedge: Hedge? = nil, evidence: [Evidence], claims: [Claim] = [], details: RelationDetails = RelationDetails(),
                directed: Bool? = nil, location: SourceLocation) {
        shared = SharedValue(Fields(id: id, type: type, participants: participants, start: start, end: end, status: status,
                                    summary: summary, accordingTo: accordingTo, hedge: hedge, evidence: evidence,
                                    claims: claims, details: details, directed: directed, location: location,
                                    fieldLocations: [:]))
    }

    /// Who the relation is according to and how surely the document puts it, as pages and tooltips word it:
    /// "stated by Kurmanbek Bakiev", "reported", "expected, according to Russia"; nil when the document asserts
    /// it as a fact.
    public func sureness(in model: RelationModel) -> String? {
        let speaker = accordingTo.map { model.actor($0)?.name ?? $0 }
        switch (hedge, speaker) {
        case (nil, nil): return nil
        case let (nil, speaker?): return "according to \(speaker)"
        case let (.stated?, speaker?): return "stated by \(speaker)"
        case let (hedge?, nil): return hedge.rawValue
        case let (hedge?, speaker?): return "\(hedge.rawValue), according to \(speaker)"
        }
    }

    /// True when the document does not assert the relation as a plain fact: it hedges it, or gives it as one
    /// actor's statement or belief.
    public var isHedged: Bool { hedge != nil || accordingTo != nil }

    /// The keys a claim may dispute, where a relation gives them (a quantity is disputed by its `what`).
    public static let claimableKeys: Set<String> = [
        "start", "end", "status", "role", "alliance_type", "domain", "facility", "personnel", "lease", "subject",
        "category", "place", "dead", "injured",
    ]

    /// The keys this relation gives that a claim may dispute, in model spelling: `start`, `end`, `status`, its
    /// type-specific keys, and the `what` of each of its quantities.
    public var claimableFields: [String] {
        let details = details
        let given: [(String, Bool)] = [
            ("start", start != nil), ("end", end != nil), ("status", true),
            ("role", details.role != nil), ("alliance_type", details.allianceType != nil), ("domain", details.domain != nil),
            ("facility", details.facility != nil), ("personnel", details.personnel != nil), ("lease", details.lease != nil),
            ("subject", details.subject != nil), ("category", details.category != nil), ("place", details.place != nil),
            ("dead", details.dead != nil), ("injured", details.injured != nil),
        ]
        return given.filter(\.1).map(\.0) + details.quantities.map(\.what)
    }

    /// True when sources disagree about one of this relation's facts.
    public var isDisputedBetweenSources: Bool { !claims.isEmpty }

    /// Every actor the relation names: participants, then its facility and place, then places a source claims
    /// instead of the model's.
    public var involvedActors: [String] {
        var ids = participants
        let claimedPlaces = claims.filter { $0.field == "place" }.map(\.value)
        for extra in [details.facility, details.place].compactMap({ $0 }) + claimedPlaces where !ids.contains(extra) {
            ids.append(extra)
        }
        return ids
    }

    /// The year a timeline shows the relation first: the year it began or happened, or ended when it has no start;
    /// nil when it is undated.
    public var timelineYear: Int? { (start ?? end)?.year }

    /// Whether the relation was in force at some time during `year` (see `yearsInForce`).
    public func isInForce(in year: Int) -> Bool {
        guard let years = yearsInForce else { return false }
        return years.first <= year && year <= years.last
    }

    /// The first and last year the relation is in force (`Int.min` and `Int.max` where it has no start or end),
    /// nil for none. An event is in force the years from its start to its end (a protocol for 2006-2007, incursions
    /// of 1999-2000), or the one year it has; an undated event in none. A lasting relation with neither date is in
    /// force from the year of the earliest source that cites it (`firstAttested`: drawing it earlier would claim
    /// what no document says), in none when it ended.
    public var yearsInForce: (first: Int, last: Int)? {
        guard type.isLasting else {
            guard let first = (start ?? end)?.year else { return nil }
            return (first, max(first, end?.year ?? first))
        }
        guard start != nil || end != nil else {
            return status == .ended ? nil : (firstAttested ?? .min, .max)
        }
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
///
/// It encodes (as do its sources, actors and relations) every field but where each was written, in the model's
/// order: what diagrams are drawn from, so that a digest of the encoding tells whether a model draws as another
/// did (see the site's plan memo), and moving a relation down its file does not change it.
public struct RelationModel: Sendable, Encodable {
    public var sources: [Source]
    public var actors: [Actor]
    public var relations: [Relation]
    public private(set) var sourcesByID: [String: Source]
    public private(set) var actorsByID: [String: Actor]
    public private(set) var relationsByID: [String: Relation]
    /// For each actor id, the positions in `relations` of the relations that involve it, ascending.
    public private(set) var relationPositionsByActor: [String: [Int]]
    /// For each actor id, the positions in `relations` of the relations given as its statement or belief.
    public private(set) var relationPositionsBySpeaker: [String: [Int]]

    enum CodingKeys: String, CodingKey {
        case sources, actors, relations
    }

    public init(sources: [Source], actors: [Actor], relations: [Relation]) {
        self.sources = sources
        self.actors = actors
        sourcesByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var relations = relations
        for index in relations.indices where relations[index].type.isLasting
            && relations[index].start == nil && relations[index].end == nil {
            let attested = relations[index].citedSources.compactMap { [sourcesByID] in sourcesByID[$0]?.published.year }.min()
            if relations[index].firstAttested != attested { relations[index].firstAttested = attested }
        }
        self.relations = relations
        actorsByID = Dictionary(actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        relationsByID = Dictionary(relations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var positions: [String: [Int]] = [:]
        for (position, relation) in relations.enumerated() {
            for actor in relation.involvedActors where positions[actor]?.last != position {
                positions[actor, default: []].append(position)
            }
        }
        relationPositionsByActor = positions
        var spoken: [String: [Int]] = [:]
        for (position, relation) in relations.enumerated() {
            if let speaker = relation.accordingTo { spoken[speaker, default: []].append(position) }
        }
        relationPositionsBySpeaker = spoken
    }

    public func actor(_ id: String) -> Actor? { actorsByID[id] }
    public func source(_ id: String) -> Source? { sourcesByID[id] }
    public func relation(_ id: String) -> Relation? { relationsByID[id] }

    /// The relations that involve an actor, in model order.
    public func relations(involving actorID: String) -> [Relation] {
        (relationPositionsByActor[actorID] ?? []).map { relations[$0] }
    }

    /// The relations given as an actor's statement or belief (`according_to`), in model order.
    public func relations(accordingTo actorID: String) -> [Relation] {
        (relationPositionsBySpeaker[actorID] ?? []).map { relations[$0] }
    }

    /// The period the relations cover, by year.
    public var period: ClosedRange<Int>? {
        let years = relations.flatMap { [$0.start?.year, $0.end?.year].compactMap { $0 } }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first...last
    }
}

extension Source {
    public func encode(to encoder: Encoder) throws { try shared.value.encode(to: encoder) }
}

extension Actor {
    public func encode(to encoder: Encoder) throws { try shared.value.encode(to: encoder) }
}

extension Relation {
    public func encode(to encoder: Encoder) throws { try shared.value.encode(to: encoder) }
}

/// An immutable value behind a reference, so that copying the struct that holds it is one retain; the holder
/// changes a field by holding a new one. Two are equal when they are one, or hold equal values.
final class SharedValue<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// A new shared value: this one's, changed by `update`.
    func changing(_ update: (inout Value) -> Void) -> SharedValue {
        var changed = value
        update(&changed)
        return SharedValue(changed)
    }
}

extension SharedValue: Equatable where Value: Equatable {
    static func == (left: SharedValue, right: SharedValue) -> Bool {
        left === right || left.value == right.value
    }
}

extension SharedValue: Hashable where Value: Hashable {
    func hash(into hasher: inout Hasher) {
        value.hash(into: &hasher)
    }
}
