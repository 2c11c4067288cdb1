import Foundation

/// Reads configuration the way Okta's SDKs do; each later source wins, key by key:
/// `~/.okta/okta.yaml`, `./.okta.yaml`, `OKTA_CLIENT_*` variables, then flags (`--config FILE`
/// first, then the single-value flags such as `--org`).
public struct ConfigLoader: Sendable {
  /// Values given on the command line.
  public struct Flags: Sendable {
    /// `--config FILE`: a YAML file read after the environment.
    public var configFile: String?
    /// Single values by key, with the flag's name for `show config` (`--org` → `.orgURL`).
    public var values: [ConfigKey: (flag: String, value: String)]

    public init(configFile: String? = nil, values: [ConfigKey: (flag: String, value: String)] = [:]) {
      self.configFile = configFile
      self.values = values
    }

    /// The common case: `--org URL` and `--config FILE`.
    public init(org: String?, configFile: String?) {
      self.init(configFile: configFile, values: org.map { [.orgURL: ("--org", $0)] } ?? [:])
    }
  }

  public var homeDirectory: String
  public var workingDirectory: String
  public var environment: [String: String]
  public var flags: Flags

  public init(
    homeDirectory: String = NSHomeDirectory(),
    workingDirectory: String = FileManager.default.currentDirectoryPath,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    flags: Flags = Flags()
  ) {
    self.homeDirectory = homeDirectory
    self.workingDirectory = workingDirectory
    self.environment = environment
    self.flags = flags
  }

  /// Merges every source and checks the result; throws ``OktaError`` (kind `.configuration`)
  /// naming the file, line and column or the variable of a bad value.
  public func load() throws(OktaError) -> OktaConfiguration {
    var merged: [ConfigKey: RawSetting] = [:]
    var warnings: [String] = []
    let home = (homeDirectory as NSString).appendingPathComponent(".okta/okta.yaml")
    let local = (workingDirectory as NSString).appendingPathComponent(".okta.yaml")
    for path in [home, local] where FileManager.default.fileExists(atPath: path) {
      merged.merge(try Self.readFile(path, warnings: &warnings)) { $1 }
    }
    merged.merge(Self.readEnvironment(environment)) { $1 }
    if let file = flags.configFile {
      guard FileManager.default.fileExists(atPath: file) else {
        throw OktaError(.configuration, detail: "--config \(file): no such file")
      }
      merged.merge(try Self.readFile(file, warnings: &warnings)) { $1 }
    }
    for (key, given) in flags.values {
      merged[key] = RawSetting(value: .text(given.value), source: .flag(given.flag))
    }
    var configuration = try OktaConfiguration(settings: merged)
    configuration.warnings = warnings
    return configuration
  }

  static func readFile(_ path: String, warnings: inout [String]) throws(OktaError) -> [ConfigKey: RawSetting]
  {
    let text: String
    do {
      // Bounded, so that `--config /dev/zero` (or a huge file by mistake) is refused, not read forever.
      guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoPermission) }
      defer { try? handle.close() }
      let data = try handle.read(upToCount: maxConfigBytes + 1) ?? Data()
      guard data.count <= maxConfigBytes else {
        throw OktaError(
          .configuration, detail: "\(path): larger than \(maxConfigBytes >> 10) kB; is this an okta.yaml?")
      }
      guard let decoded = String(data: data, encoding: .utf8) else {
        throw OktaError(.configuration, detail: "\(path): not UTF-8 text")
      }
      text = decoded
    } catch let error as OktaError {
      throw error
    } catch {
      throw OktaError(.configuration, detail: "\(path): cannot read (\(error.localizedDescription))")
    }
    if let warning = permissionWarning(path) { warnings.append(warning) }
    let root: YAMLNode
    do {
      root = try YAMLReader.parse(text, path: path)
    } catch {
      throw OktaError(.configuration, detail: error.description)
    }
    guard let client = root["okta"]?["client"] else { return [:] }
    var settings: [ConfigKey: RawSetting] = [:]
    for key in ConfigKey.allCases {
      var node: YAMLNode? = client
      for part in key.yamlPath { node = node?[part] }
      guard let node else { continue }
      let source = ConfigSource.file(path: path, line: node.mark.line, column: node.mark.column)
      settings[key] = RawSetting(value: try value(of: node, key: key, path: path), source: source)
    }
    if case .mapping(let pairs, _) = client {
      let known = Set(ConfigKey.allCases.map { $0.yamlPath[0] })
      for pair in pairs where !known.contains(pair.key) {
        let mark = pair.value.mark
        warnings.append(
          "\(path):\(mark.line):\(mark.column): unknown setting okta.client.\(pair.key), ignored")
      }
    }
    return settings
  }

  /// Configuration files are a few lines; anything this big is the wrong file.
  static let maxConfigBytes = 1 << 20

  /// A config file may hold the API token: warn, as ssh does for keys, when others can read it.
  static func permissionWarning(_ path: String) -> String? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o044 != 0
    else { return nil }
    return
      "\(path): readable by group or others (mode \(String(mode & 0o777, radix: 8))); it may hold the API token: chmod 600 \(path)"
  }

  private static func value(of node: YAMLNode, key: ConfigKey, path: String) throws(OktaError)
    -> RawSetting.Value
  {
    switch node {
    case .scalar(let text, _):
      return .text(text)
    case .sequence(let items, let mark):
      var texts: [String] = []
      for item in items {
        guard case .scalar(let text, _) = item else {
          throw OktaError(
            .configuration, detail: "\(path):\(mark.line):\(mark.column): \(key) must be a list of strings")
        }
        texts.append(text)
      }
      return .list(texts)
    case .mapping(_, let mark) where key == .proxy:
      // Okta's SDKs write the proxy as host and port; libcurl wants a URL.
      guard case .scalar(let host, _)? = node["host"] else {
        throw OktaError(.configuration, detail: "\(path):\(mark.line):\(mark.column): \(key) needs a host")
      }
      if case .scalar(let port, _)? = node["port"] { return .text("http://\(host):\(port)") }
      return .text("http://\(host)")
    case .mapping(_, let mark):
      throw OktaError(
        .configuration, detail: "\(path):\(mark.line):\(mark.column): \(key) must be a single value")
    }
  }

  static func readEnvironment(_ environment: [String: String]) -> [ConfigKey: RawSetting] {
    var settings: [ConfigKey: RawSetting] = [:]
    for key in ConfigKey.allCases {
      guard let text = environment[key.environmentVariable], !text.isEmpty else { continue }
      settings[key] = RawSetting(value: .text(text), source: .environment(key.environmentVariable))
    }
    if settings[.proxy] == nil, let host = environment["OKTA_CLIENT_PROXY_HOST"], !host.isEmpty {
      let port = environment["OKTA_CLIENT_PROXY_PORT"].map { ":\($0)" } ?? ""
      settings[.proxy] = RawSetting(
        value: .text("http://\(host)\(port)"), source: .environment("OKTA_CLIENT_PROXY_HOST"))
    }
    return settings
  }
}
