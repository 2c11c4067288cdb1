/// A setting under `okta.client`, with its YAML path and its `OKTA_CLIENT_*` variable.
public enum ConfigKey: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
  case orgURL = "orgUrl"
  case token
  case authorizationMode
  case clientID = "clientId"
  case scopes
  case privateKey
  case privateKeyID = "privateKeyId"
  case requestTimeout
  case maxRetries = "rateLimit.maxRetries"
  case maxBackoff = "rateLimit.maxBackoff"
  case proxy

  /// The dotted name as users write it: `okta.client.rateLimit.maxRetries`.
  public var description: String { "okta.client." + rawValue }

  /// Path below `okta.client` in a YAML file.
  var yamlPath: [String] { rawValue.split(separator: ".").map(String.init) }

  /// The environment variable Okta's SDKs read for this key.
  public var environmentVariable: String {
    "OKTA_CLIENT_" + rawValue.replacingOccurrences(of: ".", with: "_").uppercased()
  }

  /// Values never shown in clear.
  public var isSecret: Bool { self == .token || self == .privateKey }
}
