// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "anonymise",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "anonymise", targets: ["anonymise"]),
        .library(name: "Anonymiser", targets: ["Anonymiser"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        // The built-in rules, compiled in from Patterns/ at build time (see Plugins/EmbedPatterns).
        .executableTarget(name: "pattern-embedder", path: "Sources/PatternEmbedder"),
        .plugin(name: "EmbedPatterns", capability: .buildTool(), dependencies: ["pattern-embedder"]),
        .target(name: "BuiltInPatterns", plugins: ["EmbedPatterns"]),
        .target(
            name: "Anonymiser",
            dependencies: [
                "PCRE2", "Yams", "BuiltInPatterns", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"), "ZIPFoundation",
            ]
        ),
        .executableTarget(
            name: "anonymise",
            dependencies: ["Anonymiser", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(
            name: "AnonymiserTests",
            dependencies: [
                "Anonymiser", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "anonymiseTests", dependencies: ["anonymise", "Anonymiser"]),
    ]
)
