// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Fagu",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FaguModel", targets: ["FaguModel"]),
        .library(name: "FaguMerge", targets: ["FaguMerge"]),
        .library(name: "FaguStore", targets: ["FaguStore"]),
        .library(name: "FaguWire", targets: ["FaguWire"]),
        .library(name: "FaguDomain", targets: ["FaguDomain"]),
        .library(name: "FaguSync", targets: ["FaguSync"]),
        .library(name: "FaguRoster", targets: ["FaguRoster"]),
        .executable(name: "fagu", targets: ["fagu"]),
        .executable(name: "fagu-hub", targets: ["fagu-hub"]),
        .executable(name: "fagu-doctor", targets: ["fagu-doctor"]),
        .executable(name: "fagu-bench", targets: ["FaguBenchmarks"]),
        .executable(name: "fagu-load", targets: ["FaguLoad"]),
        .executable(name: "fagu-fuzz-replay", targets: ["FaguFuzz"]),
        .executable(name: "fagu-sim", targets: ["fagu-sim"]),
        .executable(name: "fagu-report-load", targets: ["FaguReportLoad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // The server-side conventions issue 14 asks for: graceful start and stop (already under
        // Hummingbird), metrics exported in Prometheus's text format, and one configuration file.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-configuration", exact: "1.4.0"),
    ],
    targets: [
        // Ids, clocks, values, changes and the record kinds: no I/O, no dependencies.
        // (swift-crypto for the chain hash of a group, which every layer computes alike.)
        .target(name: "FaguModel", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        // Pure decisions: registers, causal delivery, canonical digest.
        .target(
            name: "FaguMerge",
            dependencies: ["FaguModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // The SQLite replica: schema, migrations, the write path, delta and apply.
        .target(
            name: "FaguStore",
            dependencies: [
                "FaguModel", "FaguMerge",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        // The hub's roster CSV files (communities, advisers, appointments) read into records, checked.
        .target(name: "FaguRoster", dependencies: ["FaguDomain", "FaguModel"], swiftSettings: strict),
        // zlib, through a shim for its macros.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Change-set files: framing, protobuf body, zlib, SHA-256, hard limits.
        .target(
            name: "FaguWire",
            dependencies: [
                "FaguModel", "CZlib",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // The legal-advice domain: its schema of record kinds (declared once), typed records
        // and rules, and the core's conveniences opened with that schema.
        .target(
            name: "FaguDomain",
            dependencies: ["FaguModel", "FaguStore", "FaguWire", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // Enrollment, device identity and the hub's authority; sync over any transport or a file.
        .target(
            name: "FaguSync",
            dependencies: [
                "FaguDomain", "FaguModel", "FaguStore", "FaguWire",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // What every command-line tool shares: languages, the catalogue of their text (which
        // translates the core's errors, hence sync and wire), display-width tables, failures.
        .target(
            name: "FaguCLI",
            dependencies: ["FaguDomain", "FaguModel", "FaguStore", "FaguSync", "FaguWire",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        // The hub's reports (coverage, compliance, funding, incidents, …): pure functions of the
        // typed records and a period, no I/O, so tests can check them exhaustively.
        .target(name: "FaguReports", dependencies: ["FaguDomain", "FaguModel"], swiftSettings: strict),
        // fagu-doctor's commands, as a library so tests can run them.
        .target(
            name: "FaguDoctor",
            dependencies: [
                "FaguDomain", "FaguCLI", "FaguModel", "FaguWire", "FaguStore", "FaguSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // fagu's commands, as a library so tests can run them.
        .target(
            name: "FaguFieldCommands",
            dependencies: [
                "FaguDomain", "FaguCLI", "FaguModel", "FaguStore", "FaguSync", "FaguHTTP", "FaguWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(name: "fagu", dependencies: ["FaguCLI", "FaguFieldCommands"], swiftSettings: strict),
        // fagu-hub's commands, as a library so tests can run them.
        .target(
            name: "FaguHubCommands",
            dependencies: [
                "FaguDomain", "FaguCLI", "FaguModel", "FaguStore", "FaguSync", "FaguRoster", "FaguHubServer", "FaguWire", "FaguReports",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: strict),
        .executableTarget(name: "fagu-hub", dependencies: ["FaguCLI", "FaguHubCommands"], swiftSettings: strict),
        .executableTarget(name: "fagu-doctor", dependencies: ["FaguCLI", "FaguDoctor"], swiftSettings: strict),
        // Seeded generators, fixed clocks and workloads for tests and tools.
        .target(name: "FaguTesting", dependencies: ["FaguDomain", "FaguModel", "FaguMerge", "FaguStore", "FaguSync"], swiftSettings: strict),
        // SQLite's session extension, for the wire benchmark's baseline.
        .target(
            name: "CSQLiteSession",
            path: "tools/SessionBaseline",
            linkerSettings: [.linkedLibrary("sqlite3")]),
        .executableTarget(
            name: "FaguBenchmarks",
            dependencies: [
                "FaguDomain", "FaguModel", "FaguStore", "FaguWire", "FaguSync", "FaguTesting", "CSQLiteSession", "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "tools/Benchmarks",
            swiftSettings: strict),
        .executableTarget(
            name: "FaguLoad",
            dependencies: [
                "FaguDomain", "FaguModel", "FaguStore", "FaguSync", "FaguHTTP",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "tools/Load",
            swiftSettings: strict),
        // A year of a 400-community district in a new hub, for timing the reports.
        .executableTarget(
            name: "FaguReportLoad",
            dependencies: ["FaguDomain", "FaguModel", "FaguStore", "FaguSync", "FaguTesting"],
            path: "tools/ReportLoad",
            swiftSettings: strict),
        .executableTarget(
            name: "FaguFuzz",
            dependencies: ["FaguDomain", "FaguWire"],
            path: "tools/Fuzz",
            swiftSettings: strict),
        // The partition simulator: a hub and N devices as real replicas in one process, driven
        // by one seeded schedule of work, faults and roster changes, then checked against a
        // ledger of every write the schedule made.
        .target(
            name: "FaguSimulation",
            dependencies: ["FaguTesting", "FaguSync", "FaguStore", "FaguMerge", "FaguDomain", "FaguModel", "FaguWire"],
            path: "tools/Simulation",
            swiftSettings: strict),
        .executableTarget(
            name: "fagu-sim",
            dependencies: ["FaguSimulation", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "tools/Simulator",
            swiftSettings: strict),
        .testTarget(
            name: "FaguCLITests",
            dependencies: ["FaguDomain", "FaguCLI", "FaguDoctor", "FaguWire", "FaguTesting", "FaguFieldCommands", "FaguHubCommands", "FaguSync", "FaguStore", "FaguReports",
                           "FaguModel", "FaguHTTP", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           // Tests of fagu-doctor damage replica files behind the library's back.
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .testTarget(name: "FaguReportsTests", dependencies: ["FaguDomain", "FaguModel", "FaguReports"], swiftSettings: strict),
        .testTarget(name: "FaguModelTests", dependencies: ["FaguDomain", "FaguModel", "FaguTesting"], swiftSettings: strict),
        .testTarget(
            name: "FaguWireTests",
            dependencies: ["FaguDomain", "FaguModel", "FaguWire", "FaguStore", "FaguTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "FaguSyncTests",
            dependencies: ["FaguDomain", "FaguModel", "FaguStore", "FaguWire", "FaguSync", "FaguTesting", "FaguSimulation",
                           .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .testTarget(name: "FaguRosterTests", dependencies: ["FaguDomain", "FaguRoster", "FaguModel"], swiftSettings: strict),
        .testTarget(name: "FaguMergeTests", dependencies: ["FaguDomain", "FaguModel", "FaguMerge"], swiftSettings: strict),
        .testTarget(
            name: "FaguStoreTests",
            dependencies: ["FaguDomain", "FaguModel", "FaguMerge", "FaguStore", "FaguTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        // The core alone, with a schema of its own: nothing of the legal-advice domain.
        .testTarget(name: "FaguCoreTests", dependencies: ["FaguModel", "FaguMerge", "FaguStore", "FaguWire"], swiftSettings: strict),
        // The hub's HTTP adapter: POST /v1/sync and GET /v1/health over Hummingbird.
        .target(
            name: "FaguHubServer",
            dependencies: [
                "FaguDomain", "FaguSync", "FaguModel", "FaguStore", "FaguWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
        // The device's HTTP transport to its hub, over AsyncHTTPClient.
        .target(
            name: "FaguHTTP",
            dependencies: ["FaguDomain", "FaguSync", "FaguWire", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: strict),
        .testTarget(
            name: "FaguHTTPTests",
            dependencies: ["FaguDomain", "FaguHubServer", "FaguHTTP", "FaguSync", "FaguStore", "FaguModel", "FaguWire", "FaguTesting",
                           "FaguDoctor", "FaguCLI",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
    ]
)
