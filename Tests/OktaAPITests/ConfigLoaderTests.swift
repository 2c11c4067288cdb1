import Foundation
import Testing

@testable import OktaAPI

@Suite struct ConfigLoaderTests {
  /// A value per key that every source can express; each source writes its own variant.
  static func sample(_ key: ConfigKey, _ source: String) -> String {
    switch key {
    case .orgURL: "https://\(source).okta.com"
    case .token: "token-from-\(source)-0123456789"
    case .authorizationMode:
      ["home": "JWT", "local": "PrivateKey", "env": "SSWS", "config": "JWT", "flag": "SSWS"][source]!
    case .clientID: "client-\(source)"
    case .scopes: "okta.users.read.\(source)"
    case .privateKey: "private-key-of-\(source)-abcdef"
    case .privateKeyID: "kid-\(source)"
    case .requestTimeout: ["home": "11", "local": "12", "env": "13", "config": "14", "flag": "15"][source]!
    case .maxRetries: ["home": "1", "local": "2", "env": "3", "config": "4", "flag": "5"][source]!
    case .maxBackoff: ["home": "21", "local": "22", "env": "23", "config": "24", "flag": "25"][source]!
    case .proxy: "http://proxy-\(source):3128"
    }
  }

  static func yaml(_ source: String, keys: [ConfigKey]) -> String {
    var text = "okta:\n  client:\n"
    let plain = keys.filter { !$0.rawValue.contains(".") }
    for key in plain { text += "    \(key.rawValue): \"\(sample(key, source))\"\n" }
    let limits = keys.filter { $0.rawValue.hasPrefix("rateLimit.") }
    if !limits.isEmpty {
      text += "    rateLimit:\n"
      for key in limits { text += "      \(key.yamlPath[1]): \(sample(key, source))\n" }
    }
    return text
  }

  /// The shown value of `key` and where it came from.
  func effective(_ configuration: OktaConfiguration, _ key: ConfigKey) -> (String, ConfigSource?) {
    let entry = configuration.entries.first { $0.key == key }!
    return (entry.value, entry.source)
  }

  func expected(_ key: ConfigKey, _ source: String) -> String {
    let value = Self.sample(key, source)
    switch key {
    case .token, .privateKey: return "****" + value.suffix(4)
    case .requestTimeout, .maxBackoff: return value + "s"
    default: return value
    }
  }

  /// For each key: with sources up to `top` set, the value of `top` wins and is attributed to it.
  @Test(arguments: ConfigKey.allCases)
  func laterSourceWinsForEveryKey(key: ConfigKey) throws {
    let sources = ["home", "local", "env", "config", "flag"]
    for top in sources.indices {
      let directory = try TemporaryDirectory()
      defer { directory.remove() }
      let active = Set(sources[...top])
      if active.contains("home") {
        try directory.write("home/.okta/okta.yaml", Self.yaml("home", keys: [key]))
      }
      if active.contains("local") { try directory.write("work/.okta.yaml", Self.yaml("local", keys: [key])) }
      try FileManager.default.createDirectory(
        atPath: directory.file("work"), withIntermediateDirectories: true)
      var environment: [String: String] = [:]
      if active.contains("env") { environment[key.environmentVariable] = Self.sample(key, "env") }
      var flags = ConfigLoader.Flags()
      if active.contains("config") {
        flags.configFile = try directory.write("given.yaml", Self.yaml("config", keys: [key]))
      }
      if active.contains("flag") { flags.values[key] = ("--\(key.rawValue)", Self.sample(key, "flag")) }

      let configuration = try ConfigLoader(
        homeDirectory: directory.file("home"), workingDirectory: directory.file("work"),
        environment: environment, flags: flags
      ).load()

      let (value, source) = effective(configuration, key)
      #expect(value == expected(key, sources[top]), "\(key) with sources up to \(sources[top])")
      switch (sources[top], source) {
      case ("home", .file(let path, _, _)?): #expect(path.hasSuffix("home/.okta/okta.yaml"))
      case ("local", .file(let path, _, _)?): #expect(path.hasSuffix("work/.okta.yaml"))
      case ("env", .environment(let name)?): #expect(name == key.environmentVariable)
      case ("config", .file(let path, _, _)?): #expect(path.hasSuffix("given.yaml"))
      case ("flag", .flag(let name)?): #expect(name == "--\(key.rawValue)")
      default: Issue.record("\(key): \(sources[top]) attributed to \(String(describing: source))")
      }
    }
  }

  @Test func defaultsApplyWhenNothingIsSet() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let configuration = try ConfigLoader(
      homeDirectory: directory.path, workingDirectory: directory.path, environment: [:]
    ).load()
    #expect(configuration.orgURL == nil)
    #expect(configuration.authorizationMode.value == .ssws)
    #expect(configuration.maxRetries.value == 2)
    #expect(configuration.maxBackoff.value == .seconds(30))
    #expect(configuration.requestTimeout.source == .defaultValue)
    #expect(effective(configuration, .token).0 == "(not set)")
  }

  @Test func fileSourcesNameLineAndColumn() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write(
      ".okta.yaml", "# org\nokta:\n  client:\n    orgUrl: https://acme.okta.com\n")
    let configuration = try ConfigLoader(
      homeDirectory: directory.file("nohome"), workingDirectory: directory.path, environment: [:]
    ).load()
    #expect(configuration.orgURL?.source == .file(path: path, line: 4, column: 13))
    #expect(configuration.orgURL?.source.description == "\(path):4:13")
  }

  @Test func scopesReadAsYAMLListOrSpaceSeparatedVariable() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write(".okta.yaml", "okta:\n  client:\n    scopes:\n      - a.read\n      - b.manage\n")
    let fromFile = try ConfigLoader(
      homeDirectory: directory.file("x"), workingDirectory: directory.path, environment: [:]
    ).load()
    #expect(fromFile.scopes?.value == ["a.read", "b.manage"])
    let fromEnvironment = try ConfigLoader(
      homeDirectory: directory.file("x"), workingDirectory: directory.file("x"),
      environment: ["OKTA_CLIENT_SCOPES": "a.read b.manage,c.read"]
    ).load()
    #expect(fromEnvironment.scopes?.value == ["a.read", "b.manage", "c.read"])
  }

  @Test func proxyAsHostAndPortMapping() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write(
      ".okta.yaml", "okta:\n  client:\n    proxy:\n      host: proxy.corp\n      port: 8080\n")
    let configuration = try ConfigLoader(
      homeDirectory: directory.file("x"), workingDirectory: directory.path, environment: [:]
    ).load()
    #expect(configuration.proxy?.value == "http://proxy.corp:8080")
  }

  @Test func millisecondTimeouts() throws {
    let configuration = try ConfigLoader(
      homeDirectory: "/nonexistent", workingDirectory: "/nonexistent",
      environment: ["OKTA_CLIENT_REQUESTTIMEOUT": "250ms", "OKTA_CLIENT_RATELIMIT_MAXBACKOFF": "1.5"]
    ).load()
    #expect(configuration.requestTimeout.value == .milliseconds(250))
    #expect(configuration.maxBackoff.value == .milliseconds(1500))
  }

  @Test func malformedYAMLNamesFileLineAndColumn() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write(".okta.yaml", "okta:\n  client:\n    orgUrl: [unclosed\n")
    #expect {
      try ConfigLoader(homeDirectory: directory.file("x"), workingDirectory: directory.path, environment: [:])
        .load()
    } throws: { error in
      "\(error)".hasPrefix(path + ":4:1: ") && "\(error)".contains("flow sequence")
    }
  }

  @Test func badValueNamesItsSource() throws {
    #expect {
      try ConfigLoader(
        homeDirectory: "/nonexistent", workingDirectory: "/nonexistent",
        environment: ["OKTA_CLIENT_RATELIMIT_MAXRETRIES": "lots"]
      ).load()
    } throws: { error in
      "\(error)".contains("env OKTA_CLIENT_RATELIMIT_MAXRETRIES") && "\(error)".contains("'lots'")
    }
  }

  @Test func plainHTTPIsRefusedExceptForLoopback() throws {
    for url in ["http://acme.okta.com", "http://10.0.0.1:8080", "ftp://acme.okta.com"] {
      #expect(throws: OktaError.self) {
        try ConfigLoader(
          homeDirectory: "/x", workingDirectory: "/x", environment: ["OKTA_CLIENT_ORGURL": url]
        ).load()
      }
    }
    for url in ["http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:80", "https://acme.okta.com/"] {
      let configuration = try ConfigLoader(
        homeDirectory: "/x", workingDirectory: "/x", environment: ["OKTA_CLIENT_ORGURL": url]
      ).load()
      #expect(configuration.orgURL != nil)
    }
  }

  @Test func unknownKeysAreReportedNotFatal() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write(".okta.yaml", "okta:\n  client:\n    orgUrl: https://a.okta.com\n    colour: blue\n")
    let configuration = try ConfigLoader(
      homeDirectory: directory.file("x"), workingDirectory: directory.path, environment: [:]
    ).load()
    #expect(configuration.warnings.count == 1)
    #expect(configuration.warnings.first?.contains("colour") == true)
    #expect(configuration.warnings.first?.contains(":4:") == true)
  }

  @Test func missingConfigFileFlagIsAnError() {
    #expect(throws: OktaError.self) {
      try ConfigLoader(
        homeDirectory: "/x", workingDirectory: "/x", environment: [:],
        flags: .init(org: nil, configFile: "/no/such.yaml")
      ).load()
    }
  }
}
