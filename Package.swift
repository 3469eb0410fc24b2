// swift-tools-version:6.2
// pepqa: quality assurance of Personal Education Plans for a Virtual School.
//
// One library target per pipeline stage; dependencies point one way, and stages never import
// each other:
//   pepqa -> PEPPipeline -> { PEPIntake, PEPReaders, PEPRules, PEPLedger, PEPOutput } -> PEPModel
//   PEPIntake, PEPOutput, PEPPipeline -> PEPFiles (atomic write, durable move; no other imports)
// Third-party packages: ZIPFoundation in PEPReaders; GRDB in PEPLedger; Yams in PEPRules and in
// PEPPipeline (the service's config file); swift-log in PEPPipeline and pepqa; ServiceLifecycle
// in PEPPipeline; ArgumentParser in pepqa.
import Foundation
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "pepqa",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pepqa", targets: ["pepqa"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib's inflate: every deflated part of a Word package is inflated and checked by it (PartInflater).
        .systemLibrary(name: "CInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The one way to put a file in place: atomic write, durable move, folder fsync. libc only.
        .target(name: "PEPFiles", swiftSettings: strictness),
        // Value types only: the canonical PEP, field paths, normalisation, QA result values. No I/O.
        .target(name: "PEPModel", swiftSettings: strictness),
        // Bytes -> canonical PEP: format sniffing, JSON, XML (libxml2), DOCX (ZIPFoundation + libxml2).
        .target(
            name: "PEPReaders",
            dependencies: [
                "PEPModel", "CLibXML2", "CInflate",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.embedInCode("XML/pep-1.xsd")],
            swiftSettings: strictness
        ),
        // Files and e-mails -> submissions: drop folders, Maildir, MIME.
        .target(name: "PEPIntake", dependencies: ["PEPModel", "PEPFiles"], swiftSettings: strictness),
        // Rules/*.yaml -> RuleSet; pure assessment of a PEP against it.
        .target(
            name: "PEPRules",
            dependencies: ["PEPModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictness
        ),
        // The SQLite ledger (GRDB): submissions, ratings, decisions, payments.
        .target(
            name: "PEPLedger",
            dependencies: ["PEPModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictness
        ),
        // Values -> files: QA reports, dashboard, feedback, exports, finance batches.
        .target(
            name: "PEPOutput",
            dependencies: ["PEPModel", "PEPFiles", .product(name: "Mustache", package: "swift-mustache")],
            resources: [
                .embedInCode("Templates/payment-notice.mustache"),
            ],
            swiftSettings: strictness),
        // Composes the stages: process, watch, run as a service.
        .target(
            name: "PEPPipeline",
            dependencies: [
                "PEPModel", "PEPFiles", "PEPReaders", "PEPIntake", "PEPRules", "PEPLedger", "PEPOutput",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictness
        ),
        // The review workbench (`pepqa serve`): people confirm what the machine recommends.
        // A stage like the others: it reads and writes the ledger, never PEPPipeline.
        .target(
            name: "PEPWeb",
            dependencies: [
                "PEPModel", "PEPLedger",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Templates"), .copy("Static")],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "pepqa",
            dependencies: [
                "PEPPipeline", "PEPModel", "PEPWeb", "PEPLedger", "PEPFiles", "PEPRules", "PEPIntake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "PEPTestSupport",
            // PEPLedger and GRDB for the ledger inspection helpers (raw SQL, tests only).
            dependencies: ["PEPModel", "PEPLedger", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/PEPTestSupport",
            swiftSettings: strictness
        ),
        // Fixtures that need the whole pipeline (a service layout, the stamped sample inbox),
        // shared by the pipeline and end-to-end tests; package API only, so it builds in release.
        .target(
            name: "PEPPipelineTestSupport",
            dependencies: [
                "PEPPipeline", "PEPIntake", "PEPModel", "PEPTestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PEPPipelineTestSupport",
            swiftSettings: strictness
        ),
        .testTarget(name: "PEPFilesTests", dependencies: ["PEPFiles", "PEPTestSupport"], swiftSettings: strictness),
        .testTarget(name: "PEPModelTests", dependencies: ["PEPModel", "PEPTestSupport"], swiftSettings: strictness),
        .testTarget(
            name: "PEPReadersTests", dependencies: ["PEPReaders", "PEPModel", "PEPRules", "PEPTestSupport"],
            exclude: ["Fixtures"], swiftSettings: strictness),
        .testTarget(name: "PEPIntakeTests", dependencies: ["PEPIntake", "PEPModel", "PEPTestSupport"], swiftSettings: strictness),
        .testTarget(name: "PEPRulesTests", dependencies: ["PEPRules", "PEPModel", "PEPTestSupport"], swiftSettings: strictness),
        .testTarget(
            name: "PEPLedgerTests",
            dependencies: ["PEPLedger", "PEPModel", "PEPTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictness),
        .testTarget(
            name: "PEPOutputTests", dependencies: ["PEPOutput", "PEPModel", "PEPTestSupport"],
            exclude: ["Snapshots"], swiftSettings: strictness),
        .testTarget(
            name: "PEPPipelineTests",
            dependencies: [
                "PEPPipeline", "PEPModel", "PEPTestSupport", "PEPPipelineTestSupport", "PEPFiles", "PEPIntake", "PEPLedger",
                "PEPOutput", "PEPRules",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Snapshots"],
            swiftSettings: strictness
        ),
        // Whole-system tests: the sample inbox end to end, the built `pepqa` binary, repeated kills.
        .testTarget(
            name: "PEPEndToEndTests",
            dependencies: [
                "PEPPipeline", "PEPPipelineTestSupport", "PEPModel", "PEPTestSupport", "PEPIntake", "PEPLedger",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "PEPWebTests",
            dependencies: [
                "PEPWeb", "PEPLedger", "PEPModel", "PEPTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictness
        ),
    ]
)

// libFuzzer targets, one per reader of outside bytes (`scripts/fuzz.sh --list`). Declared only when
// PEPQA_FUZZ is set, so that `swift build` and `swift test` never build them: they need
// `-sanitize=fuzzer,address`, which `scripts/fuzz.sh` passes to every module so the readers get coverage.
if ProcessInfo.processInfo.environment["PEPQA_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzJSON", ["PEPReaders", "PEPModel"]),
        ("FuzzXML", ["PEPReaders", "PEPModel"]),
        ("FuzzXMLDialect", ["PEPReaders", "PEPRules", "PEPModel"]),
        ("FuzzZIP", ["PEPReaders", "PEPRules", "PEPModel"]),
        ("FuzzDocxBody", ["PEPReaders", "PEPRules", "PEPModel"]),
        ("FuzzMIME", ["PEPIntake"]),
        ("FuzzRulesYAML", ["PEPRules"]),
        ("FuzzMappingYAML", ["PEPRules"]),
        ("FuzzRosterCSV", ["PEPRules"]),
        ("FuzzRegisterCSV", ["PEPRules"]),
        ("FuzzWebForm", ["PEPWeb"]),
    ]
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport", swiftSettings: strictness))
    for fuzz in fuzzTargets {
        package.products.append(.executable(name: fuzz.name, targets: [fuzz.name]))
        package.targets.append(
            .executableTarget(
                name: fuzz.name, dependencies: ["FuzzSupport"] + fuzz.dependencies, path: "Fuzz/\(fuzz.name)",
                swiftSettings: strictness + [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])],
                linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]))
    }
}
