@testable import GraphvizRendering
import DOT
import Foundation
import TestProcesses
import XCTest

/// Paths, settings and sample graphs shared by the rendering tests.
enum TestSupport {
    /// The `relmap` executable SwiftPM built next to the test bundle.
    static var relmapExecutable: String { Subprocess.relmap }

    /// A file of `Tests/GraphvizRenderingTests/Fixtures`, found from this source file.
    static func fixture(_ name: String, filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    /// The graphs that crash `gvFreeLayout` (see `Fixtures/README.md`).
    static let freeLayoutCrashFixtures = ["free-layout-crash-a.dot", "free-layout-crash-b.dot"]

    static func settings(workers: Int = 2, timeoutSeconds: Double = 60, jobsPerWorker: Int = 200,
                         maximumWorkerMemoryMB: Int = 1024, environment: [String: String] = [:]) -> RenderSettings {
        RenderSettings(workers: workers, timeoutSeconds: timeoutSeconds, jobsPerWorker: jobsPerWorker,
                       maximumWorkerMemoryMB: maximumWorkerMemoryMB,
                       workerCommand: [relmapExecutable, "render-worker"], workerEnvironment: environment)
    }

    /// A graph with three disjoint clusters, edge labels between nodes of one rank and a few attributes, varied by `seed`.
    static func generatedGraph(_ seed: Int, nodes: Int = 14, edges: Int = 22) -> String {
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var lines = ["digraph g\(seed) {", "  rankdir=LR;", "  node [shape=box, fontname=\"Helvetica\"];"]
        for cluster in 0..<3 {
            let members = (0..<(2 + next(3))).map { "n\((cluster * 4 + $0) % nodes)" }
            lines.append("  subgraph cluster_\(cluster) { label=\"Group \(cluster)\"; \(members.joined(separator: "; ")); }")
        }
        for edge in 0..<edges {
            let label = next(2) == 0 ? " [label=\"r\(edge)\"]" : ""
            lines.append("  n\(next(nodes)) -> n\(next(nodes))\(label);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func job(_ id: String, _ dot: String, engine: LayoutEngine = .dot, formats: [OutputFormat] = [.svg],
                    fallback: LayoutEngine? = nil) -> RenderJob {
        RenderJob(id: id, dot: dot, engine: engine, formats: formats, fallbackEngine: fallback)
    }

    static func svg(_ diagram: RenderedDiagram) -> String {
        String(decoding: diagram.outputs[.svg] ?? Data(), as: UTF8.self)
    }
}
