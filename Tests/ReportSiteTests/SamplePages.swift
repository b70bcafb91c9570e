import Foundation
@testable import ReportSite

/// Every page of the sample site drawn from the view catalogue, as its kind lists it: the template values the
/// tests of lookups and memo digests walk, whatever types the page kinds use.
enum SamplePages {
    struct TemplatePage {
        var path: String
        var template: String
        var values: any Encodable & Sendable
    }

    /// The template pages of every kind, listed once every diagram is drawn.
    static func templatePages() throws -> [TemplatePage] {
        let model = SampleSite.model()
        var listed: [Page] = []
        let list = BuildStep("List every page") { context in
            listed = try PageGenerator.all.flatMap { try $0.pages(context) }
        }
        let drawing = DiagramDrawing(cache: nil, render: SampleDiagrams.inProcess)
        _ = try SiteBuilder(steps: [drawing.step(DiagramPlan.fromViews(of: model)), list]).build(try SampleSite.context(model: model))
        return listed.compactMap { page in
            switch page.content {
            case let .template(template, values): return TemplatePage(path: page.path, template: template, values: values)
            case let .deferred(template, makeValues): return TemplatePage(path: page.path, template: template, values: makeValues())
            case .bytes, .deferredBytes: return nil
            }
        }
    }
}
