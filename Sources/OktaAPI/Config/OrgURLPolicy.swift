import Foundation

/// https everywhere; plain http only to this machine (the simulator).
public enum OrgURLPolicy {
  /// Checks and normalizes an org URL (no trailing slash, no path).
  public static func validate(_ text: String) throws(OktaError) -> URL {
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
      let host = components.host, !host.isEmpty
    else {
      throw OktaError(.insecureURL, detail: "'\(text)' is not a URL like https://example.okta.com")
    }
    guard scheme == "https" || (scheme == "http" && isLoopback(host)) else {
      throw OktaError(
        .insecureURL,
        detail:
          "'\(text)' is not https; plain http is allowed only for loopback addresses (127.0.0.1, ::1, localhost)"
      )
    }
    var normalized = URLComponents()
    normalized.scheme = scheme
    normalized.host = host
    normalized.port = components.port
    guard let url = normalized.url else {
      throw OktaError(.insecureURL, detail: "'\(text)' is not a valid URL")
    }
    return url
  }

  /// Whether a link the server gave (`Link: rel="next"`) stays on the same org.
  static func sameOrigin(_ url: URL, as org: URL) -> Bool {
    url.scheme?.lowercased() == org.scheme?.lowercased() && url.host?.lowercased() == org.host?.lowercased()
      && (url.port ?? defaultPort(url)) == (org.port ?? defaultPort(org))
  }

  private static func defaultPort(_ url: URL) -> Int {
    url.scheme?.lowercased() == "https" ? 443 : 80
  }

  static func isLoopback(_ host: String) -> Bool {
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
    if bare == "localhost" || bare == "::1" { return true }
    let octets = bare.split(separator: ".")
    return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
  }
}
