/// What the prompt shows: the org, the resource and the migration step once known.
public struct PromptContext: Equatable, Sendable {
  /// The org URL after `connect`.
  public var orgURL: String?
  /// The resource label (or id) after `use`.
  public var resource: String?
  /// The migration step (`loaded`, `cloned`, `submitting`, `restored`, …).
  public var step: String?

  public init(orgURL: String? = nil, resource: String? = nil, step: String? = nil) {
    self.orgURL = orgURL
    self.resource = resource
    self.step = step
  }

  /// `oktabulk> `, `acme.okta.com> `, `acme.okta.com/Salesforce [submitting]> `.
  public var prompt: String {
    var text = orgURL.map(Self.host) ?? "oktabulk"
    if let resource { text += "/" + resource }
    if let step { text += " [\(step)]" }
    return text + "> "
  }

  /// `https://acme.okta.com/` → `acme.okta.com`.
  static func host(of url: String) -> String {
    var host = Substring(url)
    if let scheme = host.range(of: "://") { host = host[scheme.upperBound...] }
    if let slash = host.firstIndex(of: "/") { host = host[..<slash] }
    return host.isEmpty ? url : String(host)
  }
}
