import RelationModel

/// The actors of a synthetic model, kept by kind so relations can pick fitting participants.
struct SyntheticCast {
    private(set) var idsByKind: [ActorKind: [String]] = [:]
    private(set) var names: [String: String] = [:]
    private(set) var yaml = ""
    /// Names and aliases given so far, lower-cased: an alias names one actor only, as validation asks.
    private var namesAndAliases: Set<String> = []

    init(count: Int, random: inout SyntheticRandom) {
        let states = max(4, count * 6 / 100)
        let organizations = max(1, count * 4 / 100)
        let facilities = max(1, count * 8 / 100)
        let places = max(1, count * 6 / 100)
        let agencies = max(1, count * 12 / 100)
        let armedGroups = max(1, count * 4 / 100)
        let collectives = max(1, count / 100)
        let persons = count - states - organizations - facilities - places - agencies - armedGroups - collectives
        var writer = YAMLListWriter(key: "actors")
        var index = 0
        for number in 0..<states {
            index += 1
            let name = SyntheticNames.name(index: index, base: SyntheticNames.word(&random) + random.pick(["ia", "stan", "land", "a"]))
            let capital = SyntheticNames.word(&random)
            add(.state, name: name, index: index, to: &writer, extra: [
                ("iso3", YAMLValue.text(Self.iso3(number))),
                ("capital", YAMLValue.text(capital)),
                ("location", Self.location(&random)),
            ])
        }
        let stateIDs = idsByKind[.state] ?? []
        for _ in 0..<organizations {
            index += 1
            let word = SyntheticNames.word(&random)
            let name = SyntheticNames.name(index: index, base: random.pick(["\(word) Cooperation Organization", "Council of \(word)", "\(word) Pact", "\(word) Treaty Organization"]))
            let acronym = String(name.split(separator: " ").compactMap(\.first).filter(\.isUppercase))
            add(.organization, name: name, index: index, to: &writer, extra: [
                ("aliases", acronym.count > 1 ? uniqueAlias(acronym) : nil),
            ])
        }
        for kind in [ActorKind.facility, .place] {
            for _ in 0..<(kind == .facility ? facilities : places) {
                index += 1
                let word = SyntheticNames.word(&random)
                let base = kind == .facility ? random.pick(["\(word) Air Base", "\(word) Garrison", "\(word) Airfield"]) : random.pick(["\(word)", "\(word) district", "\(word) valley"])
                add(kind, name: SyntheticNames.name(index: index, base: base), index: index, to: &writer, extra: [
                    ("country", YAMLValue.text(random.pick(stateIDs))),
                    ("location", Self.location(&random)),
                ])
            }
        }
        for _ in 0..<agencies {
            index += 1
            let country = random.pick(stateIDs)
            let base = random.pick(["Ministry of Defence", "Border Service", "Security Service", "Drug Control Agency", "Foreign Ministry"])
            add(.agency, name: SyntheticNames.name(index: index, base: "\(names[country] ?? country) \(base)"), index: index, to: &writer, extra: [
                ("country", YAMLValue.text(country)),
            ])
        }
        for _ in 0..<armedGroups {
            index += 1
            let base = random.pick(["\(SyntheticNames.word(&random)) Movement", "Army of \(SyntheticNames.word(&random))", "\(SyntheticNames.word(&random)) Front"])
            add(.armedGroup, name: SyntheticNames.name(index: index, base: base), index: index, to: &writer, extra: [])
        }
        for _ in 0..<persons {
            index += 1
            let surname = SyntheticNames.word(&random) + random.pick(["ov", "ev", "bek", "zoda", ""])
            let country = random.pick(stateIDs)
            let name = SyntheticNames.name(index: index, base: "\(SyntheticNames.word(&random)) \(surname)")
            add(.person, name: name, index: index, to: &writer, extra: [
                ("aliases", random.chance(0.3) ? uniqueAlias(surname) : nil),
                ("country", YAMLValue.text(country)),
                ("office", random.chance(0.6) ? YAMLValue.text(random.pick(["President", "Defence Minister", "Foreign Minister", "Ambassador"]) + " of \(names[country] ?? country)") : nil),
            ])
        }
        for _ in 0..<collectives {
            index += 1
            let base = random.pick(["\(SyntheticNames.word(&random)) bloc", "the \(SyntheticNames.word(&random)) states"])
            add(.collective, name: SyntheticNames.name(index: index, base: base), index: index, to: &writer, extra: [])
        }
        yaml = writer.finished
    }

    /// The alias as a YAML list, or nil when an actor already has it as its name or alias.
    private mutating func uniqueAlias(_ alias: String) -> String? {
        namesAndAliases.insert(alias.lowercased()).inserted ? YAMLValue.texts([alias]) : nil
    }

    private mutating func add(_ kind: ActorKind, name: String, index: Int, to writer: inout YAMLListWriter, extra: [(String, String?)]) {
        let id = SyntheticNames.id(name, index)
        idsByKind[kind, default: []].append(id)
        names[id] = name
        namesAndAliases.insert(name.lowercased())
        writer.item([("id", YAMLValue.text(id)), ("name", YAMLValue.text(name)), ("kind", kind.rawValue)] + extra)
    }

    func ids(_ kinds: ActorKind...) -> [String] {
        kinds.flatMap { idsByKind[$0] ?? [] }
    }

    /// Distinct three-letter codes: AAA, AAB, …
    static func iso3(_ number: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return String([letters[(number / 676) % 26], letters[(number / 26) % 26], letters[number % 26]])
    }

    static func location(_ random: inout SyntheticRandom) -> String {
        let latitude = random.int(-600_000...700_000)
        let longitude = random.int(-1_800_000...1_800_000)
        return "{lat: \(YAMLValue.decimal(tenThousandths: latitude)), lon: \(YAMLValue.decimal(tenThousandths: longitude))}"
    }
}
