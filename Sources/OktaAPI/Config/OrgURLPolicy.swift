import Foundation

/// https everywhere; plain http only to this machine (the simulator).
public enum OrgURLPolicy {
  /// Checks and normalizes an org URL (no trailing slash, no path).
  public static func validate(_ text: String) throws(OktaError) -> URL {
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
      let host = components.host, !host.isEmpty
    else {
      throw OktaError(.insecureURL, detail: "'\(shown(text))' is not a URL like https://example.okta.com")
    }
    // User info would put a password in configs, traces and messages; a path or query would be dropped
    // silently and the requests sent somewhere the user did not write.
    guard components.user == nil && components.password == nil else {
      throw OktaError(
        .insecureURL,
        detail:
          "the org URL must not carry a user name or password (credentials come from okta.yaml or OKTA_CLIENT_TOKEN)"
      )
    }
    guard components.path.isEmpty || components.path == "/", components.query == nil,
      components.fragment == nil
    else {
      throw OktaError(
        .insecureURL,
        detail:
          "the org URL \(scheme)://\(host) has a path, query or fragment after it; give the org only, like https://example.okta.com"
      )
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

  /// `text` with anything between `//` and `@` hidden, for messages about URLs that did not parse.
  static func shown(_ text: String) -> String {
    guard let slashes = text.range(of: "//"), let at = text[slashes.upperBound...].firstIndex(of: "@") else {
      return text
    }
    return String(text[..<slashes.upperBound]) + "…" + String(text[at...])
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
