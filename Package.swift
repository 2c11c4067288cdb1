// swift-tools-version:6.0
import PackageDescription

/// A Debian-provided C library reached through a module map and a small shim header.
func systemLibrary(_ name: String, pkgConfig: String?, apt: [String]) -> Target {
  .systemLibrary(name: name, pkgConfig: pkgConfig, providers: [.apt(apt)])
}

let package = Package(
  name: "oktabulk",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "oktabulk", targets: ["oktabulk"]),
    .executable(name: "oktasim", targets: ["oktasim"]),
  ],
  targets: [
    // C libraries from Debian (scripts/bootstrap installs them).
    systemLibrary("CLibEdit", pkgConfig: "libedit", apt: ["libedit-dev"]),
    systemLibrary("CSQLite", pkgConfig: "sqlite3", apt: ["libsqlite3-dev"]),
    systemLibrary("CYAML", pkgConfig: "yaml-0.1", apt: ["libyaml-dev"]),
    systemLibrary("COpenSSL", pkgConfig: "openssl", apt: ["libssl-dev"]),
    systemLibrary("CCurl", pkgConfig: "libcurl", apt: ["libcurl4-openssl-dev"]),
    systemLibrary("CMicroHTTPD", pkgConfig: "libmicrohttpd", apt: ["libmicrohttpd-dev"]),

    // Libraries, in dependency order.
    .target(name: "OktaAPI", dependencies: ["CCurl", "CYAML", "COpenSSL"]),
    .target(name: "Migration", dependencies: ["OktaAPI", "CSQLite"]),
    .target(name: "Shell", dependencies: ["Migration", "OktaAPI", "CLibEdit"]),
    // The simulator shares no code with OktaAPI: two readings of the spec.
    .target(name: "OktaSim", dependencies: ["CMicroHTTPD"]),

    // Thin entry points.
    // `oktabulk --demo`: the shell wired to an in-process simulator (Shell itself never imports OktaSim).
    .target(name: "Demo", dependencies: ["Shell", "OktaSim"]),
    .executableTarget(name: "oktabulk", dependencies: ["Demo", "Shell"]),
    .executableTarget(name: "oktasim", dependencies: ["OktaSim"]),
    // scripts/bench-client: drives OktaClient against oktasim and prints figures.
    .executableTarget(name: "ClientBench", dependencies: ["OktaAPI"], path: "Benchmarks/ClientBench"),
    // scripts/bench-submit: submission pace and status-refresh call counts against an in-process oktasim.
    .executableTarget(
      name: "SubmitBench", dependencies: ["Migration", "OktaAPI", "OktaSim", "TestSupport"],
      path: "Benchmarks/SubmitBench"),

    // Test support: the OpenAPI files and a JSON Schema validator, used by client and simulator tests.
    .target(name: "SpecSupport", path: "Tests/SpecSupport"),
    // Shared test and benchmark helpers: the simulator's clock as an OktaClock, temporary directories.
    .target(name: "TestSupport", dependencies: ["OktaAPI", "OktaSim"], path: "Tests/TestSupport"),

    .testTarget(name: "OktaAPITests", dependencies: ["OktaAPI", "OktaSim", "SpecSupport"]),
    .testTarget(name: "MigrationTests", dependencies: ["Migration", "OktaSim", "TestSupport"]),
    .testTarget(name: "ShellTests", dependencies: ["Shell"]),
    .testTarget(name: "OktaSimTests", dependencies: ["OktaSim", "SpecSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["OktaSim"], exclude: ["Fixtures", "Expected"]),
    .testTarget(name: "SpecSupportTests", dependencies: ["SpecSupport"]),
    // Malformed rosters and command lines, secrets, file modes; the corpus is read from the source tree.
    .testTarget(
      name: "HostileInputTests", dependencies: ["Shell", "Migration", "OktaAPI", "OktaSim", "TestSupport"],
      exclude: ["Corpus"]),
  ],
  swiftLanguageModes: [.v6]
)
