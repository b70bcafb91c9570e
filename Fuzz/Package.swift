// swift-tools-version:6.0
// libFuzzer targets for relmap, kept out of the main package so that `swift build` never needs the fuzzer
// runtime. scripts/fuzz.sh builds them with `-sanitize=fuzzer` in .build-fuzz and runs each for a bounded time.
// Every folder of Sources but the Fuzz ones is a symbolic link to the main package's module of that name.
import PackageDescription

let package = Package(
    name: "relmap-fuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "ParallelWork"),
        .target(name: "RelationModel", dependencies: ["ParallelWork", .product(name: "Yams", package: "Yams")]),
        .target(name: "XMLText"),
        .target(name: "ModelExport", dependencies: ["RelationModel", "XMLText", "DOT", "DiagramStyle"]),
        .target(name: "DOT", dependencies: ["XMLText"]),
        .target(name: "DiagramStyle", dependencies: ["RelationModel", "DOT"]),
        .target(name: "Geography"),
        .target(name: "SiteLayout", dependencies: ["RelationModel"]),
        .target(name: "Views", dependencies: ["RelationModel", "DOT", "DiagramStyle", "Geography", "SiteLayout"]),
        // Each main.swift hands its harness to libFuzzer's driver through FuzzDriver.runFuzzer.
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzModelParser", dependencies: ["FuzzDriver", "RelationModel", "ModelExport", "DOT", "Views"]),
        .executableTarget(name: "FuzzDOTEncoder", dependencies: ["FuzzDriver", "DOT"]),
    ],
    swiftLanguageModes: [.v5]
)
