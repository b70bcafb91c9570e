import Yams

/// Turns one composed YAML document into sources, actors and relations, recording every field-level problem.
struct ModelDecoder {
    var reader: YAMLReader
    var sources: [Source] = []
    var actors: [Actor] = []
    var relations: [Relation] = []

    static let sourceKeys = ["id", "title", "publisher", "author", "published", "date_note", "file", "url", "paragraphs"]
    static let actorKeys = ["id", "name", "kind", "aliases", "country", "claimed_by", "office", "iso3", "location", "capital", "note"]
    /// The keys every relation type accepts.
    static let commonRelationKeys = [
        "id", "type", "participants", "start", "end", "status", "summary", "according_to", "hedge", "evidence", "claims",
    ]
    /// The keys only some relation types accept (see `keysByType`).
    static let specificRelationKeys = [
        "role", "alliance_type", "domain", "facility", "personnel", "lease", "subject", "quantities",
        "category", "place", "dead", "injured", "directed",
    ]
    static let relationKeys = commonRelationKeys + specificRelationKeys
    /// The type-specific keys each relation type accepts.
    static let keysByType: [RelationType: Set<String>] = [
        .membership: ["role"],
        .alliance: ["alliance_type"],
        .cooperation: ["domain"],
        .baseDeployment: ["facility", "personnel", "lease", "place"],
        .dispute: ["subject", "quantities", "place", "directed"],
        .incident: ["category", "place", "dead", "injured", "directed"],
        .meeting: ["place"],
        .agreement: ["domain"],
    ]

    init(reader: YAMLReader) {
        self.reader = reader
    }

    mutating func decodeDocument(_ root: Node) {
        guard let fields = reader.fields(of: root, what: "a model file", allowed: ["sources", "actors", "relations"], required: []) else {
            return
        }
        if fields.values.isEmpty {
            reader.error("a model file needs at least one of 'sources', 'actors' or 'relations'", at: root)
        }
        for node in reader.items(fields["sources"], "sources") ?? [] {
            if let source = decodeSource(node) { sources.append(source) }
        }
        for node in reader.items(fields["actors"], "actors") ?? [] {
            if let actor = decodeActor(node) { actors.append(actor) }
        }
        for node in reader.items(fields["relations"], "relations") ?? [] {
            if let relation = decodeRelation(node) { relations.append(relation) }
        }
    }

    mutating func decodeSource(_ node: Node) -> Source? {
        guard let fields = reader.fields(of: node, what: "a source", allowed: Self.sourceKeys,
                                         required: ["id", "title", "publisher", "published", "file"]) else { return nil }
        let id = reader.identifier(fields["id"], "id")
        let title = reader.string(fields["title"], "title")
        let publisher = reader.string(fields["publisher"], "publisher")
        let author = reader.string(fields["author"], "author")
        let published = reader.date(fields["published"], "published")
        let dateNote = reader.string(fields["date_note"], "date_note")
        let file = reader.string(fields["file"], "file")
        let url = reader.string(fields["url"], "url")
        let paragraphs = reader.count(fields["paragraphs"], "paragraphs")
        if let file, let fileNode = fields["file"], !CorpusFileName.isPlain(file) {
            reader.error("'file' must be a plain file name inside the corpus folder, not a path: '\(file.truncatedForMessage)'", at: fileNode)
            return nil
        }
        guard let id, let title, let publisher, let published, let file else { return nil }
        return Source(id: id, title: title, publisher: publisher, author: author, published: published,
                      dateNote: dateNote, file: file, url: url, paragraphs: paragraphs, location: reader.location(of: node))
    }

    mutating func decodeActor(_ node: Node) -> Actor? {
        guard let fields = reader.fields(of: node, what: "an actor", allowed: Self.actorKeys,
                                         required: ["id", "name", "kind"]) else { return nil }
        let id = reader.identifier(fields["id"], "id")
        let name = reader.string(fields["name"], "name")
        let kind = reader.choice(fields["kind"], "kind", as: ActorKind.self)
        let aliasNodes = reader.items(fields["aliases"], "aliases") ?? []
        let aliases = aliasNodes.compactMap { reader.string($0, "aliases") }
        let country = reader.identifier(fields["country"], "country")
        let claimantNodes = reader.items(fields["claimed_by"], "claimed_by") ?? []
        let claimedBy = claimantNodes.compactMap { reader.identifier($0, "claimed_by") }
        if let node = fields["claimed_by"], case .sequence = node, claimantNodes.count < 2 {
            reader.error("'claimed_by' lists the states that each claim a contested place: at least two (for one, use 'country')", at: node)
        }
        if fields["claimed_by"] != nil, let node = fields["country"] {
            reader.error("an actor gives either 'country' or, for contested territory, 'claimed_by', not both", at: node)
        }
        let office = reader.string(fields["office"], "office")
        let iso3 = reader.string(fields["iso3"], "iso3")
        if let iso3, let node = fields["iso3"], !(iso3.count == 3 && iso3.allSatisfy { $0.isASCII && $0.isUppercase }) {
            reader.error("'iso3' must be three upper-case letters (ISO 3166-1 alpha-3), found '\(iso3.truncatedForMessage)'", at: node)
        }
        let coordinate = fields["location"].flatMap { decodeCoordinate($0) }
        let capital = reader.string(fields["capital"], "capital")
        let note = reader.string(fields["note"], "note")
        guard let id, let name, let kind else { return nil }
        var actor = Actor(id: id, name: name, kind: kind, aliases: aliases, country: country, claimedBy: claimedBy,
                          office: office, iso3: iso3, coordinate: coordinate, capital: capital, note: note,
                          location: reader.location(of: node))
        actor.fieldLocations = fieldLocations(fields)
        for (index, alias) in aliasNodes.enumerated() {
            actor.fieldLocations["aliases.\(index)"] = reader.location(of: alias)
        }
        for (index, claimant) in claimantNodes.enumerated() {
            actor.fieldLocations["claimed_by.\(index)"] = reader.location(of: claimant)
        }
        return actor
    }

    func fieldLocations(_ fields: Fields) -> [String: SourceLocation] {
        fields.values.mapValues { reader.location(of: $0) }
    }

    mutating func decodeCoordinate(_ node: Node) -> Coordinate? {
        guard let fields = reader.fields(of: node, what: "a location", allowed: ["lat", "lon"], required: ["lat", "lon"]) else {
            return nil
        }
        let latitude = reader.number(fields["lat"], "lat")
        let longitude = reader.number(fields["lon"], "lon")
        if let latitude, let node = fields["lat"], !(-90...90).contains(latitude) {
            reader.error("latitude \(latitude) is out of range (-90 to 90)", at: node)
            return nil
        }
        if let longitude, let node = fields["lon"], !(-180...180).contains(longitude) {
            reader.error("longitude \(longitude) is out of range (-180 to 180)", at: node)
            return nil
        }
        guard let latitude, let longitude else { return nil }
        return Coordinate(latitude: latitude, longitude: longitude)
    }

    mutating func decodeEvidence(_ node: Node) -> Evidence? {
        guard let fields = reader.fields(of: node, what: "an evidence pointer", allowed: ["source", "paragraph"],
                                         required: ["source", "paragraph"]) else { return nil }
        let source = reader.identifier(fields["source"], "source")
        let paragraph = reader.count(fields["paragraph"], "paragraph")
        if paragraph == 0, let node = fields["paragraph"] {
            reader.error("paragraphs are counted from 1", at: node)
            return nil
        }
        guard let source, let paragraph else { return nil }
        return Evidence(source: source, paragraph: paragraph, location: reader.location(of: fields["paragraph"] ?? node),
                        sourceLocation: reader.location(of: fields["source"] ?? node))
    }

    mutating func decodeEvidenceList(_ node: Node?, _ field: String) -> [Evidence] {
        guard let items = reader.items(node, field) else { return [] }
        if items.isEmpty, let node {
            reader.error("'\(field)' needs at least one pointer", at: node)
        }
        return items.compactMap { decodeEvidence($0) }
    }

    mutating func decodeClaim(_ node: Node) -> Claim? {
        guard let fields = reader.fields(of: node, what: "a claim", allowed: ["field", "value", "evidence"],
                                         required: ["field", "value", "evidence"]) else { return nil }
        let field = reader.string(fields["field"], "field")
        let value = reader.string(fields["value"], "value")
        let evidence = decodeEvidenceList(fields["evidence"], "evidence")
        guard let field, let value, !evidence.isEmpty else { return nil }
        return Claim(field: field, value: value, evidence: evidence, location: reader.location(of: node),
                     fieldLocation: fields["field"].map { reader.location(of: $0) },
                     valueLocation: fields["value"].map { reader.location(of: $0) })
    }

    mutating func decodeQuantity(_ node: Node) -> Quantity? {
        guard let fields = reader.fields(of: node, what: "a quantity", allowed: ["value", "unit", "what"],
                                         required: ["value", "unit", "what"]) else { return nil }
        let value = reader.number(fields["value"], "value")
        let unit = reader.string(fields["unit"], "unit")
        let what = reader.string(fields["what"], "what")
        guard let value, let unit, let what else { return nil }
        return Quantity(value: value, unit: unit, what: what)
    }

    mutating func decodeRelation(_ node: Node) -> Relation? {
        guard let fields = reader.fields(of: node, what: "a relation", allowed: Self.relationKeys,
                                         required: ["id", "type", "participants", "status", "summary", "evidence"]) else { return nil }
        let id = reader.identifier(fields["id"], "id")
        let type = reader.choice(fields["type"], "type", as: RelationType.self)
        let participantNodes = reader.items(fields["participants"], "participants") ?? []
        let participants = participantNodes.compactMap { reader.identifier($0, "participant") }
        let start = reader.date(fields["start"], "start")
        let end = reader.date(fields["end"], "end")
        let status = reader.choice(fields["status"], "status", as: RelationStatus.self)
        let summary = reader.string(fields["summary"], "summary")
        let accordingTo = reader.identifier(fields["according_to"], "according_to")
        let hedge = reader.choice(fields["hedge"], "hedge", as: Hedge.self)
        if hedge == .stated, fields["according_to"] == nil, let node = fields["hedge"] {
            reader.error("hedge 'stated' needs 'according_to': the actor whose statement or belief the relation is", at: node)
        }
        let evidence = decodeEvidenceList(fields["evidence"], "evidence")
        let claims = (reader.items(fields["claims"], "claims") ?? []).compactMap { decodeClaim($0) }

        var details = RelationDetails()
        details.role = reader.choice(fields["role"], "role", as: MembershipRole.self)
        details.allianceType = reader.choice(fields["alliance_type"], "alliance_type", as: AllianceType.self)
        details.domain = reader.choice(fields["domain"], "domain", as: CooperationDomain.self)
        details.facility = reader.identifier(fields["facility"], "facility")
        details.personnel = reader.count(fields["personnel"], "personnel")
        details.lease = reader.string(fields["lease"], "lease")
        details.subject = reader.choice(fields["subject"], "subject", as: DisputeSubject.self)
        details.quantities = (reader.items(fields["quantities"], "quantities") ?? []).compactMap { decodeQuantity($0) }
        details.category = reader.choice(fields["category"], "category", as: IncidentCategory.self)
        details.place = reader.identifier(fields["place"], "place")
        details.dead = reader.count(fields["dead"], "dead")
        details.injured = reader.count(fields["injured"], "injured")
        let directed = reader.boolean(fields["directed"], "directed")

        if let type {
            let specific = Set(Self.specificRelationKeys)
            let allowed = Self.keysByType[type] ?? []
            for (key, value) in fields.values.sorted(by: { $0.key < $1.key }) where specific.contains(key) && !allowed.contains(key) {
                let owners = Self.keysByType.filter { $0.value.contains(key) }.map(\.key.rawValue).sorted()
                reader.error("'\(key)' does not apply to a \(type.rawValue) relation (it belongs to: \(owners.joined(separator: ", ")))", at: value)
            }
            if let participantsNode = fields["participants"], participants.count < type.minimumParticipants,
               case .sequence = participantsNode {
                reader.error("a \(type.rawValue) relation needs at least \(type.minimumParticipants) participants", at: participantsNode)
            }
        }
        if let start, let end, end.isCertainlyBefore(start), let endNode = fields["end"] {
            reader.error("'end' \(end) is before 'start' \(start)", at: endNode)
        }
        guard let id, let type, let status, let summary, !evidence.isEmpty else { return nil }
        var relation = Relation(id: id, type: type, participants: participants, start: start, end: end, status: status,
                                summary: summary, accordingTo: accordingTo, hedge: hedge, evidence: evidence,
                                claims: claims, details: details, directed: directed, location: reader.location(of: node))
        relation.fieldLocations = fieldLocations(fields)
        for (index, participant) in participantNodes.enumerated() {
            relation.fieldLocations["participants.\(index)"] = reader.location(of: participant)
        }
        return relation
    }
}

/// Corpus file names: plain names, never paths.
enum CorpusFileName {
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\") && !name.contains("\u{0}")
    }
}
