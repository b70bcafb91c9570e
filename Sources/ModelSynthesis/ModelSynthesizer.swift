import RelationModel

/// Writes a synthetic but valid relation model of a given size: states with coordinates, organizations with many
/// members, agencies, persons, armed groups, facilities and places; every relation type; dates across decades;
/// evidence pointers; a few conflicting sources. The same seed gives the same bytes.
public struct ModelSynthesizer: Sendable {
    /// The fewest actors that leave room for every kind and every relation type.
    public static let minimumActors = 12

    public var actorCount: Int
    public var relationCount: Int
    public var seed: UInt64

    public init(actors: Int, relations: Int, seed: UInt64) {
        actorCount = max(actors, Self.minimumActors)
        relationCount = max(relations, 0)
        self.seed = seed
    }

    /// One written model file.
    public struct File: Sendable, Equatable {
        public var name: String
        public var text: String
    }

    /// `sources.yaml`, `actors.yaml` and `relations.yaml`.
    public func files() -> [File] {
        var random = SyntheticRandom(seed: seed)
        let cast = SyntheticCast(count: actorCount, random: &random)
        let library = SyntheticLibrary(count: max(2, relationCount / 4), random: &random)
        var relations = SyntheticRelations(cast: cast, library: library)
        for index in 0..<relationCount {
            relations.add(index: index, random: &random)
        }
        return [
            File(name: "sources.yaml", text: library.yaml),
            File(name: "actors.yaml", text: cast.yaml),
            File(name: "relations.yaml", text: relations.writer.finished),
        ]
    }

    /// The whole model as one YAML document (the three files' lists under one mapping).
    public func singleFile() -> String {
        files().map(\.text).joined()
    }
}
