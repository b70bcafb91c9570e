import Crypto
import Foundation
import GraphvizRendering
import Hashing
import RelationModel

/// What the index says about the build: nothing that changes between two builds of the same model.
public struct SiteMetadata: Sendable, Equatable {
    public var title: String
    /// SHA-256 of the model files' names and bytes.
    public var modelHash: String
    public var relmapVersion: String

    public init(title: String = "Relation map", modelHash: String, relmapVersion: String) {
        self.title = title
        self.modelHash = modelHash
        self.relmapVersion = relmapVersion
    }

    /// Hashes model files as (name relative to the model, bytes) pairs, in the given order.
    public static func hash(of files: [(name: String, data: Data)]) -> String {
        var digest = SHA256()
        for (name, data) in files {
            digest.update(data: Array("\(name)\n\(data.count)\n".utf8))
            digest.update(data: data)
        }
        return digest.finalize().hexadecimal
    }
}
