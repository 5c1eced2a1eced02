// swift-tools-version:6.1
import PackageDescription

// One target per stage of the data path (see README "Architecture"):
// Redaction → Evidence → Diagnosis (+ Knowledge, Probe) → FrontEnds → the `clawfix` executable.
// A target imports only what is upstream of it.
let package = Package(
    name: "clawfix",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "clawfix", targets: ["clawfix"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        .target(name: "ClawfixRedaction"),
        .target(name: "ClawfixEvidence", dependencies: ["ClawfixRedaction"], plugins: ["EmbedKnowledgeBase"]),
        // Knowledge reads Evidence's vocabulary: the fact names conditions test and the message
        // table whose symptoms the trees use (`clawfix kb lint` checks both).
        .target(
            name: "ClawfixKnowledge",
            dependencies: ["ClawfixEvidence", .product(name: "GRDB", package: "GRDB.swift")],
            plugins: ["EmbedKnowledgeBase"]
        ),
        .target(
            name: "ClawfixProbe",
            dependencies: [
                "ClawfixEvidence",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ClawfixDiagnosis",
            dependencies: ["ClawfixEvidence", "ClawfixKnowledge"]
        ),
        // `clawfix doctor`: runs the knowledge base's read-only commands on the gateway host (or over
        // SSH) and hands the redacted output to the same pipeline as a paste.
        .target(
            name: "ClawfixDoctor",
            dependencies: ["ClawfixRedaction", "ClawfixEvidence", "ClawfixKnowledge", "ClawfixDiagnosis", "ClawfixProbe"]
        ),
        .target(
            name: "ClawfixFrontEnds",
            dependencies: [
                "ClawfixRedaction", "ClawfixEvidence", "ClawfixKnowledge", "ClawfixDiagnosis", "ClawfixProbe",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "clawfix",
            dependencies: [
                "ClawfixFrontEnds", "ClawfixKnowledge", "ClawfixRedaction", "ClawfixProbe", "ClawfixDiagnosis",
                "ClawfixEvidence", "ClawfixDoctor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `bench/run.sh` builds this in release and writes BENCHMARKS.md from its table.
        .executableTarget(
            name: "clawfix-bench",
            dependencies: [
                "ClawfixFrontEnds", "ClawfixKnowledge", "ClawfixRedaction", "ClawfixProbe", "ClawfixDiagnosis",
                "ClawfixEvidence", "ClawfixTestSupport",
            ]
        ),
        // The gateway emulator as a process, for scripts/tmux-chat-test.sh and manual tries.
        .executableTarget(name: "clawfix-gateway-emulator", dependencies: ["ClawfixTestSupport"]),
        .executableTarget(name: "KnowledgeBaseEmbedder"),
        .plugin(
            name: "EmbedKnowledgeBase",
            capability: .buildTool(),
            dependencies: ["KnowledgeBaseEmbedder"]
        ),
        .target(
            name: "ClawfixTestSupport",
            dependencies: [
                "ClawfixProbe",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // libFuzzer targets: `Fuzz/run.sh` builds them with `-sanitize=fuzzer -D FUZZING`; a normal
        // build makes replay tools that run saved inputs through the same checks.
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"),
        .executableTarget(
            name: "FuzzRedactor", dependencies: ["ClawfixRedaction", "FuzzSupport"], path: "Fuzz/FuzzRedactor"),
        .executableTarget(
            name: "FuzzExtractors", dependencies: ["ClawfixEvidence", "ClawfixRedaction", "FuzzSupport"],
            path: "Fuzz/FuzzExtractors"),
        .executableTarget(
            name: "FuzzKnowledgeParser", dependencies: ["ClawfixKnowledge", "FuzzSupport"],
            path: "Fuzz/FuzzKnowledgeParser"),
        .executableTarget(
            name: "FuzzBotLines", dependencies: ["ClawfixFrontEnds", "FuzzSupport"], path: "Fuzz/FuzzBotLines"),
        .testTarget(name: "ClawfixRedactionTests", dependencies: ["ClawfixRedaction", "ClawfixTestSupport"]),
        .testTarget(name: "ClawfixEvidenceTests", dependencies: ["ClawfixEvidence"]),
        .testTarget(name: "ClawfixKnowledgeTests", dependencies: ["ClawfixKnowledge"]),
        .testTarget(name: "ClawfixProbeTests", dependencies: ["ClawfixProbe", "ClawfixTestSupport"]),
        // OpenClawMessages.md is read from the source tree by MessageCompletenessTests, not bundled.
        .testTarget(
            name: "ClawfixDiagnosisTests", dependencies: ["ClawfixDiagnosis", "ClawfixRedaction"],
            exclude: ["OpenClawMessages.md"]),
        .testTarget(name: "ClawfixFrontEndsTests", dependencies: ["ClawfixFrontEnds", "ClawfixTestSupport"]),
        .testTarget(
            name: "ClawfixDoctorTests",
            dependencies: ["ClawfixDoctor", "ClawfixFrontEnds", "ClawfixKnowledge", "ClawfixDiagnosis", "ClawfixTestSupport"]),
        .testTarget(name: "clawfixTests", dependencies: ["ClawfixTestSupport"]),
        .testTarget(
            name: "HostileInputTests",
            dependencies: [
                "ClawfixFrontEnds", "ClawfixKnowledge", "ClawfixRedaction", "ClawfixEvidence", "ClawfixDiagnosis",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
