import Foundation
import RelationModel
import ReportSite
import XCTest

/// A small model built in code, and the site the default templates make of it.
enum SampleSite {
    static let here = SourceLocation(file: "sample.yaml", line: 1, column: 1)

    static var templatesFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates").path
    }

    static func model(extraActorName: String = "Lonely Place") -> RelationModel {
        let sources = [
            Source(id: "hamm-2006-thaw", title: "Thaw in Uzbek-Kyrgyz Relations?", publisher: "Registan", author: "Nathan Hamm",
                   published: PartialDate(year: 2006, month: 7, day: 25), file: "000.txt", location: here),
            Source(id: "rferl-2006-clash", title: "Border clash <leaves> dead & injured", publisher: "RFE/RL",
                   published: PartialDate(year: 2006, month: 5), file: "001.txt", url: "https://example.org/a?b=1&c=2", location: here),
        ]
        let actors = [
            Actor(id: "kyrgyzstan", name: "Kyrgyzstan", kind: .state, iso3: "KGZ", coordinate: Coordinate(latitude: 42.87, longitude: 74.59), location: here),
            Actor(id: "uzbekistan", name: "Uzbekistan", kind: .state, iso3: "UZB", location: here),
            Actor(id: "sco", name: "Shanghai Cooperation Organisation", kind: .organization, aliases: ["SCO"], location: here),
            Actor(id: "kurmanbek-bakiev", name: "Kurmanbek Bakiev", kind: .person, country: "kyrgyzstan", office: "President", location: here),
            Actor(id: "lonely", name: extraActorName, kind: .place, country: "kyrgyzstan", location: here),
            Actor(id: "sokh", name: "Sokh", kind: .place, claimedBy: ["kyrgyzstan", "uzbekistan"], location: here),
        ]
        var fight = RelationDetails()
        fight.category = .fight
        fight.dead = 4
        var founding = RelationDetails()
        founding.role = .founding
        let relations = [
            Relation(id: "kgz-uzb-ct-2006", type: .cooperation, participants: ["kyrgyzstan", "uzbekistan"],
                     start: PartialDate(year: 2006, month: 7, day: 22), status: .agreed, summary: "The presidents agree to fight terrorism.",
                     accordingTo: "kurmanbek-bakiev", hedge: .stated, evidence: [Evidence(source: "hamm-2006-thaw", paragraph: 3, location: here)], location: here),
            Relation(id: "kgz-sco", type: .membership, participants: ["kyrgyzstan", "sco"], start: PartialDate(year: 2001),
                     status: .ongoing, summary: "Kyrgyzstan is a founding member.", evidence: [Evidence(source: "hamm-2006-thaw", paragraph: 1, location: here)],
                     details: founding, location: here),
            Relation(id: "uzb-sco", type: .membership, participants: ["uzbekistan", "sco"], start: PartialDate(year: 2001),
                     end: PartialDate(year: 2012), status: .ended, summary: "Uzbekistan joins the SCO.",
                     evidence: [Evidence(source: "hamm-2006-thaw", paragraph: 1, location: here), Evidence(source: "hamm-2006-thaw", paragraph: 2, location: here)],
                     location: here),
            Relation(id: "border-clash-2006", type: .incident, participants: ["uzbekistan", "kyrgyzstan"],
                     start: PartialDate(year: 2006, month: 5, day: 14), status: .ended, summary: "Border guards exchange fire.",
                     evidence: [Evidence(source: "rferl-2006-clash", paragraph: 2, location: here)],
                     claims: [
                        Claim(field: "dead", value: "4", evidence: [Evidence(source: "rferl-2006-clash", paragraph: 3, location: here)], location: here),
                        Claim(field: "dead", value: "5", evidence: [Evidence(source: "hamm-2006-thaw", paragraph: 4, location: here)], location: here),
                     ],
                     details: fight, location: here),
            Relation(id: "bakiev-visit", type: .meeting, participants: ["kurmanbek-bakiev", "uzbekistan"], status: .ended,
                     summary: "Bakiev visits Tashkent.", accordingTo: "kurmanbek-bakiev", evidence: [Evidence(source: "hamm-2006-thaw", paragraph: 5, location: here)], location: here),
        ]
        return RelationModel(sources: sources, actors: actors, relations: relations)
    }

    static func context(model: RelationModel = model(), templates: TemplateSet? = nil) throws -> BuildContext {
        let templates = try templates ?? TemplateSet(defaults: templatesFolder)
        return BuildContext(model: model, metadata: SiteMetadata(modelHash: String(repeating: "ab", count: 32), relmapVersion: "9.9.9"),
                            templates: templates)
    }

    static func build(model: RelationModel = model(), templates: TemplateSet? = nil) throws -> Site {
        try SiteBuilder(steps: SiteBuilder.pageSteps).build(try context(model: model, templates: templates))
    }

}

extension XCTestCase {
    /// A fresh empty folder under the temporary directory, removed when the test ends.
    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "relmap-site-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}
