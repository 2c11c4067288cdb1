import Foundation

/// The effective configuration: every value typed, checked, and tagged with its source.
public struct OktaConfiguration: Sendable {
  /// A value and where it came from.
  public struct Setting<Value: Sendable>: Sendable {
    public var value: Value
    public var source: ConfigSource

    public init(_ value: Value, source: ConfigSource) {
      self.value = value
      self.source = source
    }
  }

  /// One line of `show config`.
  public struct Entry: Sendable, Hashable {
    public var key: ConfigKey
    /// The value as shown: secrets masked, `(not set)` when absent.
    public var value: String
    public var source: ConfigSource?
  }

  public var orgURL: Setting<URL>?
  public var token: Setting<Secret>?
  public var authorizationMode: Setting<AuthorizationMode>
  public var clientID: Setting<String>?
  public var scopes: Setting<[String]>?
  public var privateKey: Setting<Secret>?
  public var privateKeyID: Setting<String>?
  /// Total time for one HTTP exchange; zero means no limit (Okta's SDK default of `0`).
  public var requestTimeout: Setting<Duration>
  public var maxRetries: Setting<Int>
  public var maxBackoff: Setting<Duration>
  public var proxy: Setting<String>?
  /// Non-fatal remarks (unknown keys), each naming file, line and column.
  public var warnings: [String] = []

  public static let defaultRequestTimeout = Duration.seconds(30)

  /// A configuration from code (tests, the demo): only an org and a token.
  public init(orgURL: URL, token: String, requestTimeout: Duration = defaultRequestTimeout) throws(OktaError)
  {
    try self.init(settings: [
      .orgURL: RawSetting(value: .text(orgURL.absoluteString), source: .defaultValue),
      .token: RawSetting(value: .text(token), source: .defaultValue),
    ])
    self.requestTimeout = Setting(requestTimeout, source: .defaultValue)
  }

  init(settings: [ConfigKey: RawSetting]) throws(OktaError) {
    func text(_ key: ConfigKey) throws(OktaError) -> Setting<String>? {
      guard let raw = settings[key] else { return nil }
      guard case .text(let value) = raw.value else {
        throw OktaError(.configuration, detail: "\(raw.source): \(key) must be a single value, not a list")
      }
      return Setting(value.trimmingCharacters(in: .whitespaces), source: raw.source)
    }
    func typed<T>(_ key: ConfigKey, _ parse: (String) -> T?, expected: String) throws(OktaError) -> Setting<
      T
    >? {
      guard let setting = try text(key) else { return nil }
      guard let value = parse(setting.value) else {
        let shown = key.isSecret ? "" : " '\(setting.value)'"
        throw OktaError(.configuration, detail: "\(setting.source): \(key)\(shown) is not \(expected)")
      }
      return Setting(value, source: setting.source)
    }

    if let url = try text(.orgURL) {
      do {
        orgURL = Setting(try OrgURLPolicy.validate(url.value), source: url.source)
      } catch {
        throw OktaError(.configuration, detail: "\(url.source): \(error.detail)")
      }
    }
    token = try text(.token).map { Setting(Secret($0.value), source: $0.source) }
    authorizationMode =
      try typed(.authorizationMode, AuthorizationMode.init(parsing:), expected: "SSWS, PrivateKey or JWT")
      ?? Setting(.ssws, source: .defaultValue)
    clientID = try text(.clientID)
    if let raw = settings[.scopes] {
      switch raw.value {
      case .list(let items): scopes = Setting(items, source: raw.source)
      case .text(let value):
        let items = value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        scopes = Setting(items, source: raw.source)
      }
    }
    privateKey = try text(.privateKey).map { Setting(Secret($0.value), source: $0.source) }
    privateKeyID = try text(.privateKeyID)
    requestTimeout =
      try typed(.requestTimeout, DurationText.parse, expected: "a duration (seconds, or with ms/s)")
      ?? Setting(Self.defaultRequestTimeout, source: .defaultValue)
    maxRetries =
      try typed(.maxRetries, { Int($0).flatMap { $0 >= 0 ? $0 : nil } }, expected: "a whole number ≥ 0")
      ?? Setting(RetryPolicy.default.maxRetries, source: .defaultValue)
    maxBackoff =
      try typed(.maxBackoff, DurationText.parse, expected: "a duration (seconds, or with ms/s)")
      ?? Setting(RetryPolicy.default.maxBackoff, source: .defaultValue)
    proxy = try text(.proxy)
  }

  /// The retry policy these settings describe.
  public var retryPolicy: RetryPolicy {
    RetryPolicy(maxRetries: maxRetries.value, maxBackoff: maxBackoff.value)
  }

  /// Every key with its shown value and source, in `ConfigKey` order; secrets masked.
  public var entries: [Entry] {
    func entry<T>(_ key: ConfigKey, _ setting: Setting<T>?, _ show: (T) -> String) -> Entry {
      Entry(key: key, value: setting.map { show($0.value) } ?? "(not set)", source: setting?.source)
    }
    return [
      entry(.orgURL, orgURL) { $0.absoluteString },
      entry(.token, token) { $0.masked },
      entry(.authorizationMode, authorizationMode) { $0.rawValue },
      entry(.clientID, clientID) { $0 },
      entry(.scopes, scopes) { $0.joined(separator: " ") },
      entry(.privateKey, privateKey) { $0.masked },
      entry(.privateKeyID, privateKeyID) { $0 },
      entry(.requestTimeout, requestTimeout) { $0 == .zero ? "0 (no limit)" : DurationText.format($0) },
      entry(.maxRetries, maxRetries) { String($0) },
      entry(.maxBackoff, maxBackoff) { DurationText.format($0) },
      entry(.proxy, proxy) { $0 },
    ]
  }
}

/// How the client authenticates (`okta.client.authorizationMode`).
public enum AuthorizationMode: String, Sendable, Hashable {
  case ssws = "SSWS"
  case privateKey = "PrivateKey"
  case jwt = "JWT"

  init?(parsing text: String) {
    guard let mode = Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
      return nil
    }
    self = mode
  }

  static let allCases: [AuthorizationMode] = [.ssws, .privateKey, .jwt]
}

/// Durations as configuration writes them: `30` and `1.5` are seconds; `250ms` and `2s` say so.
enum DurationText {
  static func parse(_ text: String) -> Duration? {
    let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
    let (number, scale): (Substring, Double) =
      lowered.hasSuffix("ms")
      ? (lowered.dropLast(2), 0.001)
      : lowered.hasSuffix("s") ? (lowered.dropLast(), 1) : (Substring(lowered), 1)
    guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value >= 0, value.isFinite else {
      return nil
    }
    return .milliseconds(Int64((value * scale * 1000).rounded()))
  }

  static func format(_ duration: Duration) -> String {
    let milliseconds = duration.milliseconds
    return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
  }
}
