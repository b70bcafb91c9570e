import RelationModel

/// A small model with every relation type, for pinning what each view draws.
enum SampleModel {
    static let here = SourceLocation(file: "sample.yaml", line: 1, column: 1)

    static func actor(_ id: String, _ name: String, _ kind: ActorKind, lat: Double? = nil, lon: Double? = nil,
                      country: String? = nil) -> Actor {
        let coordinate = lat.flatMap { lat in lon.map { Coordinate(latitude: lat, longitude: $0) } }
        return Actor(id: id, name: name, kind: kind, country: country, coordinate: coordinate, location: here)
    }

    static func relation(_ id: String, _ type: RelationType, _ participants: [String], start: String? = nil,
                         end: String? = nil, status: RelationStatus = .ongoing, source: String = "doc-one",
                         details: (inout RelationDetails) -> Void = { _ in }) -> Relation {
        var extra = RelationDetails()
        details(&extra)
        return Relation(id: id, type: type, participants: participants, start: start.flatMap(PartialDate.init),
                        end: end.flatMap(PartialDate.init), status: status, summary: "Summary of \(id).",
                        evidence: [Evidence(source: source, paragraph: 1, location: here)], details: extra, location: here)
    }

    static let model = RelationModel(
        sources: [
            Source(id: "doc-one", title: "Doc One", publisher: "Pub A", published: PartialDate(year: 2006), file: "1.txt", location: here),
            Source(id: "doc-two", title: "Doc Two", publisher: "Pub B", published: PartialDate(year: 2013), file: "2.txt", location: here),
        ],
        actors: [
            actor("russia", "Russia", .state, lat: 55.76, lon: 37.62),
            actor("china", "China", .state, lat: 39.9, lon: 116.41),
            actor("afghanistan", "Afghanistan", .state, lat: 34.53, lon: 69.17),
            actor("kyrgyzstan", "Kyrgyzstan", .state, lat: 42.87, lon: 74.59),
            actor("uzbekistan", "Uzbekistan", .state, lat: 41.3, lon: 69.24),
            actor("united-states", "United States", .state, lat: 38.91, lon: -77.04),
            actor("csto", "Collective Security Treaty Organization", .organization),
            actor("sco", "Shanghai Cooperation Organization", .organization),
            actor("kant-air-base", "Kant air base", .facility, lat: 42.85, lon: 74.85, country: "kyrgyzstan"),
            actor("russian-border-guards", "Russian border guards", .agency, country: "russia"),
            actor("osh", "Osh", .place, lat: 40.53, lon: 72.8, country: "kyrgyzstan"),
            actor("bakiev", "Kurmanbek Bakiev", .person, country: "kyrgyzstan"),
        ],
        relations: [
            relation("m1", .membership, ["kyrgyzstan", "csto"], start: "2002") { $0.role = .founding },
            relation("m2", .membership, ["uzbekistan", "csto"], start: "2006", end: "2008", status: .ended),
            relation("m3", .membership, ["china", "sco"], start: "2001"),
            relation("a1", .alliance, ["russia", "kyrgyzstan"], start: "2000") { $0.allianceType = .strategicPartnership },
            relation("d1", .baseDeployment, ["russia", "kyrgyzstan"], start: "2003", source: "doc-two") {
                $0.facility = "kant-air-base"
                $0.personnel = 500
            },
            relation("d2", .baseDeployment, ["russian-border-guards", "kyrgyzstan"], start: "2010") {
                $0.place = "osh"
                $0.personnel = 40
            },
            relation("d3", .baseDeployment, ["united-states", "afghanistan"], start: "2001"),
            relation("x1", .dispute, ["kyrgyzstan", "uzbekistan"], start: "2000") {
                $0.subject = .border
                $0.quantities = [Quantity(value: 600, unit: "km", what: "border still in dispute")]
            },
            relation("i1", .incident, ["uzbekistan", "kyrgyzstan"], start: "2013-07", status: .ended, source: "doc-two") {
                $0.category = .fight
                $0.dead = 2
            },
            relation("i2", .incident, ["kyrgyzstan"], start: "2010-06", status: .ended) { $0.category = .protest },
            relation("c1", .cooperation, ["kyrgyzstan", "china"], start: "2006", status: .agreed) { $0.domain = .counterTerrorism },
            relation("c2", .cooperation, ["russia", "kyrgyzstan", "uzbekistan"], start: "2010") { $0.domain = .militaryTechnical },
            relation("meet1", .meeting, ["bakiev", "russia"], start: "2006-07", status: .ended),
        ]
    )
}
