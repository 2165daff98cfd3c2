// swift-tools-version:6.2
import PackageDescription

/// Settings every first-party target shares: Swift 6 strictness plus the upcoming
/// features that keep imports and existentials explicit, with warnings as errors.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

/// The executables allocate with jemalloc: rendering feeds makes many short-lived
/// allocations next to a large long-lived registry, where glibc's malloc measured about a
/// third of the export's time (BENCHMARKS.md, "Export").
let jemalloc: [LinkerSetting] = [.linkedLibrary("jemalloc")]

let package = Package(
    name: "samverkan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "samverkan", targets: ["samverkan"]),
        .library(name: "Registry", targets: ["Registry"]),
        .library(name: "CalendarExport", targets: ["CalendarExport"]),
        .library(name: "SyntheticRegistry", targets: ["SyntheticRegistry"]),
        .executable(name: "samverkan-bench", targets: ["samverkan-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // The server's connection limits and graceful shutdown sit on these directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Model values, typed IDs, queries and validation. Pure Swift: no C, no clock.
        .target(name: "Registry", swiftSettings: strict),

        // The collaboration's data, written by the secretariat as Swift source.
        .target(name: "RegistryData", dependencies: ["Registry"], path: "Data", swiftSettings: strict),

        // libical as a system library; only CalendarExport imports it.
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev", "tzdata"])]
        ),

        // The one system call Swift cannot reach: swapping two directories atomically.
        .target(name: "CSystemShims"),

        // Registry events -> iCalendar bytes, and the files written to Exports/.
        .target(
            name: "CalendarExport",
            dependencies: [
                "Registry", "CLibical", "CSystemShims",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),

        // HTTP: feeds, JSON API and the web page, served from memory.
        .target(
            name: "RegistryServer",
            dependencies: [
                "Registry", "CalendarExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // The command-line tool: parses arguments, calls the modules, prints.
        .executableTarget(
            name: "samverkan",
            dependencies: [
                "Registry", "RegistryData", "CalendarExport", "RegistryServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            linkerSettings: jemalloc
        ),

        // Deterministic synthetic registries and Data/-shaped Swift source, for benchmarks.
        .target(name: "SyntheticRegistry", dependencies: ["Registry"], swiftSettings: strict),

        // Benchmarks, one subcommand each; run in release mode (`make bench`).
        .executableTarget(
            name: "samverkan-bench",
            dependencies: [
                "Registry", "SyntheticRegistry", "CalendarExport", "RegistryServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            linkerSettings: jemalloc
        ),

        .testTarget(name: "RegistryTests", dependencies: ["Registry"], swiftSettings: strict),
        .testTarget(
            name: "RegistryDataTests", dependencies: ["Registry", "RegistryData"], swiftSettings: strict),
        // Runs the built `samverkan` binary: exit codes, stdout and stderr.
        .testTarget(name: "SamverkanCLITests", swiftSettings: strict),
        .testTarget(
            name: "CalendarExportTests",
            dependencies: [
                "Registry", "RegistryData", "CalendarExport", "SyntheticRegistry",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),

        // Test-only: writes a large synthetic export through `ExportDirectory.replace(with:)`
        // so that the kill test can land SIGKILLs while files are being written.
        .executableTarget(
            name: "export-crash-probe",
            dependencies: ["Registry", "CalendarExport"],
            path: "Tests/ExportCrashProbe",
            swiftSettings: strict
        ),
        // Kills `samverkan export` and the probe at many moments and checks what is left.
        .testTarget(
            name: "ExportCrashTests",
            dependencies: ["Registry", "CalendarExport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RegistryServerTests",
            dependencies: [
                "RegistryServer", "Registry", "RegistryData", "CalendarExport", "SyntheticRegistry",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyntheticRegistryTests", dependencies: ["Registry", "SyntheticRegistry"],
            swiftSettings: strict),
    ]
)
