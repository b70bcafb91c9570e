import DOT
import Foundation

/// Renders one job with libgvc in the calling process; used by the worker processes and by benchmarks.
///
/// Calls are serialised (Graphviz is not thread-safe), and each leaks its layout on purpose (see
/// `GraphvizSession`), so long runs belong in a `Renderer`, whose workers are recycled. Output is
/// reproducible whatever was rendered before, for every engine that `isReproducible`.
public enum InProcessRenderer {
    public static func render(_ job: RenderJob) throws(RenderFailure) -> RenderedDiagram {
        do {
            return try render(job, engine: job.engine)
        } catch let failure where failure.stage != .parse {
            guard let fallback = job.withFallbackEngine else {
                throw RenderFailure(id: job.id, message: failure.message)
            }
            do {
                var diagram = try render(job, engine: fallback.engine)
                diagram.usedFallback = true
                diagram.warnings.insert("layout with \(job.engine.rawValue) failed (\(failure.message)); used \(fallback.engine.rawValue) instead", at: 0)
                return diagram
            } catch {
                throw RenderFailure(id: job.id, message: "\(failure.message); with \(fallback.engine.rawValue): \(error.message)")
            }
        } catch {
            throw RenderFailure(id: job.id, message: error.message)
        }
    }

    private static func render(_ job: RenderJob, engine: LayoutEngine) throws(GraphvizSession.Failure) -> RenderedDiagram {
        let formats = job.distinctFormats
        let graphvizFormats = formats.filter { $0 != .dot }.map(\.rawValue)
        var outputs: [OutputFormat: Data] = [:]
        var warnings: [String] = []
        let started = DispatchTime.now().uptimeNanoseconds
        if !graphvizFormats.isEmpty {
            let output = try GraphvizSession.render(dot: job.dot, engine: engine.rawValue, formats: graphvizFormats)
            for format in formats where format != .dot {
                outputs[format] = output.data[format.rawValue].map { OutputNormalizer.normalize($0, format: format) }
            }
            warnings = output.warnings
        }
        outputs[.dot] = job.sourceFile
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var diagram = RenderedDiagram(id: job.id, outputs: outputs, warnings: warnings, engineUsed: engine, usedFallback: false,
                                      graphvizSeconds: seconds)
        diagram.drawnByDegradedGraphviz = !graphvizFormats.isEmpty && !GraphvizSession.hasTextLayout
        return diagram
    }
}
