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

/// The toolchain's lld instead of gold: linking the test bundle took 12–28 s with gold,
/// 2 s with lld (BENCHMARKS.md, "Clean build"). Every product links `Registry`, so its
/// linker setting reaches them all.
let lld: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"], .when(platforms: [.linux]))]

let package = Package(
    name: "samverkan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "samverkan", targets: ["samverkan"]),
        .library(name: "Registry", targets: ["Registry"]),
        .library(name: "ICalendar", targets: ["ICalendar"]),
        .library(name: "CalendarFeeds", targets: ["CalendarFeeds"]),
        .library(name: "ExportFiles", targets: ["ExportFiles"]),
        .library(name: "SyntheticRegistry", targets: ["SyntheticRegistry"]),
        .executable(name: "samverkan-bench", targets: ["samverkan-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Only HummingbirdCore, its HTTP server: the server routes by itself (one step per
        // request), and the framework's router, file system, metrics and tracing were a
        // tenth of the build (BENCHMARKS.md, "Clean build"). Neither default trait is used:
        // ConfigurationSupport (swift-configuration) and FullFoundation.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // The server's connection limits and graceful shutdown sit on these directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // Model values, typed IDs, queries and validation. Pure Swift: no C, no clock.
        .target(name: "Registry", swiftSettings: strict, linkerSettings: lld),

        // The collaboration's data, written by the secretariat as Swift source.
        .target(name: "RegistryData", dependencies: ["Registry"], path: "Data", swiftSettings: strict),

        // libical as a system library: a module map and a one-line shim. Only ICalendar imports it.
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev", "tzdata"])]
        ),

        // The libical boundary: a thin Swift owner of every libical pointer. VEVENT values
        // and calendar headers in, iCalendar bytes out (and back, for checks).
        .target(
            name: "ICalendar",
            dependencies: [
                "Registry", "CLibical", "CSystemShims",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict),

        // Events in a calendar's words: Swedish summaries and descriptions, UIDs, and which
        // feeds exist and what each holds.
        .target(name: "CalendarFeeds", dependencies: ["Registry", "ICalendar"], swiftSettings: strict),

        // What Swift cannot reach in the C library: swapping two directories atomically,
        // memmem, and jemalloc's control call when the process has jemalloc.
        .target(name: "CSystemShims"),

        // zlib and OpenSSL's libcrypto as system libraries, for the export's deterministic
        // gzip and its SHA-256 fingerprints. Only ExportFiles imports them.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),

        // The files of an export, rendered once for `export` and `serve` alike: the
        // SEQUENCE ledger, CSV, Popolo and JSON, and the atomic replacement of Exports/.
        .target(
            name: "ExportFiles",
            dependencies: [
                "Registry", "ICalendar", "CalendarFeeds", "CSystemShims", "CZlib", "COpenSSL",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),

        // The Swedish web pages, from templates, for `serve` and for the static export.
        .target(
            name: "Pages",
            dependencies: [
                "Registry", "ICalendar", "CalendarFeeds", "ExportFiles",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [
                .embedInCode("Templates/layout.mustache"),
                .embedInCode("Templates/home.mustache"),
                .embedInCode("Templates/municipality.mustache"),
                .embedInCode("Templates/body.mustache"),
                .embedInCode("Templates/meeting.mustache"),
                .embedInCode("Templates/decision.mustache"),
                .embedInCode("Templates/person.mustache"),
                .embedInCode("Templates/assignment.mustache"),
                .embedInCode("Templates/person_name.mustache"),
                .embedInCode("Templates/events.mustache"),
                .embedInCode("Templates/site_header.mustache"),
                .embedInCode("Templates/crumbs.mustache"),
                .embedInCode("Templates/site_footer.mustache"),
                .embedInCode("Templates/open_actions.mustache"),
                .embedInCode("Templates/source.mustache"),
                .embedInCode("Templates/list.mustache"),
                .embedInCode("Templates/follow_up.mustache"),
                .embedInCode("Templates/about.mustache"),
                .embedInCode("Templates/accessibility.mustache"),
                .embedInCode("Templates/feedback.mustache"),
                .embedInCode("Templates/search.mustache"),
                .embedInCode("Templates/event_row.mustache"),
                .embedInCode("Templates/changes.mustache"),
                .embedInCode("Templates/feed.mustache"),
                .embedInCode("Templates/howto.mustache"),
                .embedInCode("Templates/status.mustache"),
                .embedInCode("Templates/style.css"), .embedInCode("Templates/script.js"),
            ],
            swiftSettings: strict
        ),

        // HTTP: feeds, JSON API and the web pages, served from what was rendered at start-up.
        .target(
            name: "RegistryServer",
            dependencies: [
                "Registry", "ICalendar", "CalendarFeeds", "ExportFiles", "Pages", "CSystemShims",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // The weekly digest by e-mail: content, MIME messages, the sent state, sendmail.
        .target(
            name: "Digest", dependencies: ["Registry", "ICalendar", "CalendarFeeds", "ExportFiles"],
            swiftSettings: strict),
        // Minutes read into drafted records (plain text, or PDF through `pdftotext`), and
        // records written into Data/ as Swift source: `samverkan minutes import` and `add`.
        .target(name: "MinutesImport", dependencies: ["Registry"], swiftSettings: strict),

        // The command-line tool: parses arguments, calls the modules, prints.
        .executableTarget(
            name: "samverkan",
            dependencies: [
                "Registry", "RegistryData", "ICalendar", "CalendarFeeds", "ExportFiles", "Pages",
                "RegistryServer",
                "Digest", "MinutesImport",
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
                "Registry", "SyntheticRegistry", "ICalendar", "CalendarFeeds", "ExportFiles",
                "RegistryServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The serving benchmark's minimal server.
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict,
            linkerSettings: jemalloc
        ),

        // A small registry with the edges the real data lacks, shared by the test targets.
        .target(
            name: "RegistryFixtures", dependencies: ["Registry", "CSystemShims"],
            path: "Tests/RegistryFixtures",
            swiftSettings: strict),
        .testTarget(
            name: "RegistryTests", dependencies: ["Registry", "RegistryFixtures"], swiftSettings: strict),
        .testTarget(
            name: "RegistryDataTests", dependencies: ["Registry", "RegistryData"], swiftSettings: strict),
        // Command lines run in-process (exit status, stdout, stderr), a few also as a real process.
        .testTarget(
            name: "SamverkanCLITests",
            dependencies: [
                "samverkan", "Registry", "RegistryData", "RegistryFixtures", "ExportFiles", "MinutesImport",
            ],
            exclude: ["CompilerOutput"], swiftSettings: strict),
        .testTarget(name: "ICalendarTests", dependencies: ["Registry", "ICalendar"], swiftSettings: strict),
        .testTarget(
            name: "CalendarFeedsTests",
            dependencies: [
                "Registry", "RegistryData", "RegistryFixtures", "ICalendar", "CalendarFeeds", "ExportFiles",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ExportFilesTests",
            dependencies: [
                "Registry", "RegistryData", "RegistryFixtures", "ICalendar", "CalendarFeeds", "ExportFiles",
                "SyntheticRegistry", .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PagesTests",
            dependencies: [
                "Registry", "RegistryData", "RegistryFixtures", "CalendarFeeds", "ExportFiles", "Pages",
                "SyntheticRegistry", "ICalendar",
            ],
            swiftSettings: strict),

        // Test-only: writes a large synthetic export through `ExportDirectory.replace(with:)`
        // so that the kill test can land SIGKILLs while files are being written.
        .executableTarget(
            name: "export-crash-probe",
            dependencies: ["Registry", "ExportFiles"],
            path: "Tests/ExportCrashProbe",
            swiftSettings: strict
        ),
        // Test-only: exports the real data with the meeting of 22 May moved or removed, for
        // scripts/stale-304-test.sh (nginx must never answer 304 after a change).
        .executableTarget(
            name: "stale-export-probe",
            dependencies: ["Registry", "RegistryData", "ICalendar", "ExportFiles"],
            path: "Tests/StaleExportProbe",
            swiftSettings: strict
        ),
        // Kills `samverkan export` and the probe at many moments and checks what is left.
        .testTarget(
            name: "ExportCrashTests",
            dependencies: ["Registry", "ExportFiles", "RegistryFixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RegistryServerTests",
            dependencies: [
                "RegistryServer", "Registry", "RegistryData", "ICalendar", "CalendarFeeds", "ExportFiles",
                "Pages", "SyntheticRegistry",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DigestTests",
            dependencies: [
                "Digest", "Registry", "RegistryData", "RegistryFixtures", "CalendarFeeds", "ExportFiles",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "MinutesImportTests", dependencies: ["Registry", "RegistryData", "MinutesImport"],
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "SyntheticRegistryTests",
            dependencies: ["Registry", "SyntheticRegistry", "RegistryFixtures"],
            swiftSettings: strict),
    ]
)
