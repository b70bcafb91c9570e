import RelationModel

/// The relations of a synthetic model: every type, fitting participants, dates across decades, evidence, and
/// now and then two sources that disagree.
struct SyntheticRelations {
    let library: SyntheticLibrary
    let names: [String: String]
    private(set) var writer = YAMLListWriter(key: "relations")
    // The actors each role draws from.
    let states, organizations, agencies, agenciesAndStates, persons, facilities, places, placesAndStates, fighters: [String]

    init(cast: SyntheticCast, library: SyntheticLibrary) {
        self.library = library
        names = cast.names
        states = cast.ids(.state)
        organizations = cast.ids(.organization)
        agencies = cast.ids(.agency)
        agenciesAndStates = cast.ids(.agency, .state)
        persons = cast.ids(.person)
        facilities = cast.ids(.facility)
        places = cast.ids(.place)
        placesAndStates = cast.ids(.place, .state)
        fighters = cast.ids(.state, .armedGroup)
    }

    /// How often each type comes up once every type has appeared.
    static let weights: [(RelationType, Int)] = [
        (.membership, 20), (.alliance, 5), (.cooperation, 20), (.baseDeployment, 5),
        (.dispute, 8), (.incident, 15), (.meeting, 20), (.agreement, 7),
    ]

    mutating func add(index: Int, random: inout SyntheticRandom) {
        let type = index < RelationType.allCases.count ? RelationType.allCases[index] : Self.weightedType(&random)
        var participants: [String]
        var details: [(String, String?)] = []
        switch type {
        case .membership:
            participants = [random.pick(random.chance(0.8) ? states : agencies), organizations[random.skewedIndex(below: organizations.count)]]
            details.append(("role", random.pick(MembershipRole.allCases).rawValue))
        case .alliance:
            participants = random.distinct(2, from: states)
            details.append(("alliance_type", random.pick(AllianceType.allCases).rawValue))
        case .cooperation:
            participants = random.distinct(2, from: random.chance(0.7) ? states : agenciesAndStates)
            details.append(("domain", random.pick(CooperationDomain.allCases).rawValue))
        case .baseDeployment:
            participants = random.distinct(2, from: states)
            details += [
                ("facility", YAMLValue.text(random.pick(facilities))),
                ("personnel", String(random.int(50...5000))),
                ("lease", random.chance(0.5) ? YAMLValue.text("\(random.int(1...49)) years, \(random.int(1...200)) million a year") : nil),
            ]
        case .dispute:
            participants = random.distinct(2, from: states)
            details.append(("subject", random.pick(DisputeSubject.allCases).rawValue))
            if random.chance(0.3) {
                details.append(("quantities", "[{value: \(random.int(1...900)), unit: \"km\", what: \"contested border\"}]"))
            }
        case .incident:
            let sides = random.chance(0.2) ? 1 : 2
            participants = random.distinct(sides, from: fighters)
            details += [
                ("category", random.pick(IncidentCategory.allCases).rawValue),
                ("place", YAMLValue.text(random.pick(places))),
                ("dead", random.chance(0.6) ? String(random.int(0...40)) : nil),
                ("injured", random.chance(0.4) ? String(random.int(0...200)) : nil),
            ]
        case .meeting:
            participants = random.distinct(random.int(2...4), from: random.chance(0.5) ? states : persons)
            details.append(("place", random.chance(0.7) ? YAMLValue.text(random.pick(placesAndStates)) : nil))
        case .agreement:
            participants = random.distinct(random.int(2...3), from: states)
            details.append(("domain", random.chance(0.7) ? random.pick(CooperationDomain.allCases).rawValue : nil))
        }
        let start = SyntheticDate.random(&random, years: 1965...2024)
        let (status, end) = Self.status(for: type, start: start, random: &random)
        let evidence = library.evidence(&random)
        let participantNames = participants.map { names[$0] ?? $0 }
        var pairs: [(String, String?)] = [
            ("id", YAMLValue.text("\(type.rawValue)-\(index + 1)")),
            ("type", type.rawValue),
            ("participants", "[" + participants.map(YAMLValue.text).joined(separator: ", ") + "]"),
            ("start", YAMLValue.text(start.description)),
            ("end", end.map { YAMLValue.text($0.description) }),
            ("status", status.rawValue),
            ("summary", YAMLValue.text("Synthetic \(type.rawValue): \(participantNames.joined(separator: ", ")).")),
            ("evidence", Self.pointers(evidence)),
        ]
        if index % 37 == 5 {
            pairs.append(("claims", conflictingStart(start, random: &random)))
        }
        // Some relations are hedged, and some are one participant's statement, chosen by position so that the
        // random sequence, and so the rest of the model, stays as it was.
        if index % 29 == 9 {
            pairs += [("according_to", YAMLValue.text(participants[0])), ("hedge", Hedge.stated.rawValue)]
        } else if index % 13 == 4 {
            pairs.append(("hedge", [Hedge.reported, .expected, .possible][index % 3].rawValue))
        }
        writer.item(pairs + details)
    }

    /// A claim that the relation started some years earlier than the model says, and the model's own claim.
    private func conflictingStart(_ start: PartialDate, random: inout SyntheticRandom) -> String {
        let sources = library.evidence(&random, count: 2)
        let other = PartialDate(year: start.year - random.int(1...3))
        return "[{field: \"start\", value: \(YAMLValue.text(other.description)), evidence: \(Self.pointers([sources[0]]))}, "
            + "{field: \"start\", value: \(YAMLValue.text(start.description)), evidence: \(Self.pointers([sources[1]]))}]"
    }

    private static func pointers(_ evidence: [(source: String, paragraph: Int)]) -> String {
        "[" + evidence.map { "{source: \(YAMLValue.text($0.source)), paragraph: \($0.paragraph)}" }.joined(separator: ", ") + "]"
    }

    private static func weightedType(_ random: inout SyntheticRandom) -> RelationType {
        var roll = random.int(0...(weights.map(\.1).reduce(0, +) - 1))
        for (type, weight) in weights {
            if roll < weight { return type }
            roll -= weight
        }
        return .cooperation
    }

    /// A status that fits the type, and an end date (after the start) when the relation has ended.
    private static func status(for type: RelationType, start: PartialDate, random: inout SyntheticRandom) -> (RelationStatus, PartialDate?) {
        guard type.isLasting else {
            return (type == .agreement && random.chance(0.2) ? .proposed : .ended, nil)
        }
        let status = random.pick([RelationStatus.ongoing, .ongoing, .ended, .ended, .agreed, .planned, .proposed])
        guard status == .ended else { return (status, nil) }
        return (.ended, SyntheticDate.random(&random, years: (start.year + 1)...min(start.year + 15, 2025)))
    }
}
