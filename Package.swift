// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "relmap",
    products: [
        .executable(name: "relmap", targets: ["relmap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // relmap serve's HTTP server; why Hummingbird rather than FlyingFox is in docs/serve.md.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "ParallelWork"),
        // Writes, atomic replacement, folder walks and swaps with the system calls themselves.
        .target(name: "SystemIO"),
        .target(name: "RelationModel", dependencies: ["ParallelWork", .product(name: "Yams", package: "Yams")]),
        .target(name: "XMLText"),
        // SHA-256 digests written as text, for the render cache's and the site's keys.
        .target(name: "Hashing", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "ModelExport", dependencies: ["RelationModel", "XMLText", "DOT", "DiagramStyle"]),
        .target(name: "ModelSynthesis", dependencies: ["RelationModel"]),
        .target(name: "DOT", dependencies: ["XMLText"]),
        .target(name: "DiagramStyle", dependencies: ["RelationModel", "DOT"]),
        .target(name: "Geography"),
        // Where each page of the report site lives, for the pages and for the links diagrams carry.
        .target(name: "SiteLayout", dependencies: ["RelationModel"]),
        .target(name: "Views", dependencies: ["RelationModel", "DOT", "DiagramStyle", "Geography", "SiteLayout"]),
        // Pads the render workers' allocations, which contains an off-by-one write in Graphviz's router.
        .target(name: "AllocationPadding"),
        .target(name: "GraphvizRendering", dependencies: ["CGraphviz", "DOT", "XMLText", "ParallelWork", "SystemIO", "Hashing", "AllocationPadding", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "ReportSite",
            dependencies: [
                "RelationModel", "Views", "DOT", "GraphvizRendering", "ParallelWork", "SiteLayout", "SystemIO", "Hashing",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The HTTP server, file watcher and live reload of `relmap serve`.
        .target(name: "PreviewServer", dependencies: [
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(
            name: "relmap",
            dependencies: [
                "RelationModel", "ModelExport", "DOT", "Views", "GraphvizRendering", "ReportSite",
                "ModelSynthesis", "ParallelWork", "SystemIO", "PreviewServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // Embeds templates/ in relmap when it is built, so a copied or installed binary has its templates.
        .executableTarget(name: "TemplateEmbedder", dependencies: ["SystemIO"]),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        // Runs relmap and other programs for the tests.
        .target(name: "TestProcesses", path: "Tests/TestProcesses"),
        .testTarget(name: "RelationModelTests", dependencies: ["RelationModel"]),
        .testTarget(name: "ModelExportTests", dependencies: ["ModelExport", "RelationModel", "DiagramStyle", "XMLText", "ModelSynthesis"]),
        .testTarget(name: "DOTTests", dependencies: ["TestProcesses", "DOT"]),
        .testTarget(name: "ReportSiteTests", dependencies: ["TestProcesses", "ReportSite", "RelationModel", "DOT", "GraphvizRendering", "SiteLayout", "Views", "ParallelWork", "ModelSynthesis",
                                                         .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "CommandLineTests", dependencies: ["TestProcesses", "relmap", "RelationModel", "ModelSynthesis", "DOT"]),
        .testTarget(name: "GraphvizRenderingTests", dependencies: ["TestProcesses", "GraphvizRendering", "DOT", "relmap"], exclude: ["Fixtures"]),
        .testTarget(name: "ViewsTests", dependencies: ["TestProcesses", "Views", "RelationModel", "DOT", "DiagramStyle", "Geography", "ModelSynthesis"]),
        .testTarget(name: "PreviewServerTests", dependencies: ["TestProcesses", "PreviewServer"]),
        .testTarget(name: "GeographyTests", dependencies: ["Geography"]),
        .testTarget(name: "ParallelWorkTests", dependencies: ["ParallelWork"]),
        .testTarget(name: "SystemIOTests", dependencies: ["SystemIO"]),
        .testTarget(name: "XMLTextTests", dependencies: ["XMLText"]),
    ],
    swiftLanguageModes: [.v6]
)
