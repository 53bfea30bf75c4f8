// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "kb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kb", targets: ["kb"]),
        .library(name: "KBCore", targets: ["KBCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // The thin command-line front end: parses arguments, calls KBCore, prints.
        .executableTarget(
            name: "kb",
            dependencies: [
                "KBCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // All logic: read & clean → segment → actors → dates → events & stances → store → query → format.
        .target(
            name: "KBCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                "CLibXML2",
                "CSQLiteConfig",
                "CKBModel",
                "CKBIntrinsics",
            ],
            plugins: ["EmbedData"]
        ),
        // libxml2's HTML parser (Debian's libxml2-dev), with a shim that keeps its ICU types
        // away from Foundation's and wraps xmlFree for Swift 6.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The syntax model's bytes (Models/), embedded with C23's #embed.
        .target(name: "CKBModel", path: "Sources/CKBModel"),
        // A prefetch hint for the parser's table look-ups (header-only).
        .target(name: "CKBIntrinsics", path: "Sources/CKBIntrinsics"),
        // SQLite's process-wide settings (sqlite3_config is variadic: Swift cannot call it).
        .systemLibrary(
            name: "CSQLiteConfig",
            path: "Sources/CSQLiteConfig",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Embeds Migrations/*.sql and Dictionaries/** into the binary, so that a copied
        // `kb` needs no resource bundle.
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["EmbedDataTool"]),
        .executableTarget(name: "EmbedDataTool"),
        // The long fuzz run (see docs/reliability.md); the tests run a short one through it.
        .executableTarget(name: "kb-fuzz", dependencies: ["KBCore"]),
        .executableTarget(name: "kb-extract-bench", dependencies: ["KBCore"]),
        // Trains the syntax model (Models/) from a Universal Dependencies treebank.
        .executableTarget(name: "kb-train", dependencies: ["KBCore"]),
        .testTarget(
            name: "KBCoreTests",
            dependencies: ["KBCore", "kb-fuzz"]
        ),
    ]
)
