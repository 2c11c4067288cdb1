import Foundation

extension OktaError {
  /// One line a shell user can act on; Okta's request id is appended for support.
  public var message: String {
    var line = headline
    if let requestId { line += " [request id \(requestId)]" }
    return line
  }

  private var call: String {
    [method?.rawValue, path].compactMap { $0 }.joined(separator: " ")
  }

  private var summary: String {
    var text = body?.errorSummary ?? ""
    if let causes = body?.errorCauses?.compactMap(\.errorSummary), !causes.isEmpty {
      text += (text.isEmpty ? "" : ": ") + causes.joined(separator: "; ")
    }
    return text
  }

  private var headline: String {
    switch kind {
    case .rateLimited:
      let retries = max(attempts - 1, 0)
      var text =
        "\(call): rate limit exceeded (E0000047) after \(retries) \(retries == 1 ? "retry" : "retries")"
      if let rateLimit {
        text += "; the budget resets at epoch \(Int(rateLimit.reset.timeIntervalSince1970))"
      }
      return text
    case .ambiguousOutcome:
      return
        "\(call): outcome unknown, the connection failed after the request was sent (\(detail)); Okta may have acted on it, so check before sending it again"
    case .transport(let transport):
      return "\(call): \(Self.transportHeadline(transport))\(detail.isEmpty ? "" : " (\(detail))")"
    case .insecureURL, .configuration:
      return detail
    case .invalidResponse:
      return "\(call): unexpected answer from Okta: \(detail)"
    case .api:
      return apiHeadline
    }
  }

  private static func transportHeadline(_ kind: TransportError.Kind) -> String {
    switch kind {
    case .dns: "cannot resolve the org's host name"
    case .connectionRefused: "cannot connect (refused or unreachable)"
    case .tls: "TLS failed (certificate or handshake)"
    case .timeout: "timed out"
    case .connectionLost: "connection lost before an answer"
    case .other: "transport failure"
    }
  }

  private var apiHeadline: String {
    let status = self.status.map { " (HTTP \($0))" } ?? ""
    let said = summary.isEmpty ? "" : ": \(summary)"
    switch errorCode {
    case "E0000004":
      return "\(call): authentication failed (E0000004)\(status)"
    case "E0000011":
      return
        "\(call): the API token was rejected (E0000011): it is invalid, expired or revoked; check okta.client.token or OKTA_CLIENT_TOKEN"
    case "E0000006":
      return
        "\(call): permission denied (E0000006): the token's admin needs the Access Requests Admin or Super Admin role"
    case "E0000007":
      return "\(call): not found (E0000007)\(said)"
    case "E0000047":
      return "\(call): rate limit exceeded (E0000047)"
    case "E0000195":
      return "\(call): the token's admin is not assigned to the Okta Access Requests app (E0000195)"
    default:
      break
    }
    switch self.status {
    case 401: return "\(call): not authenticated (HTTP 401)\(said); check the API token"
    case 403: return "\(call): forbidden (HTTP 403)\(said)"
    case 404: return "\(call): not found (HTTP 404)\(said)"
    case 409: return "\(call): conflict with the current state (HTTP 409)\(said)"
    case 400: return "\(call): rejected as invalid (HTTP 400)\(said)"
    default:
      let code = errorCode.map { " \($0)" } ?? ""
      return "\(call): Okta answered\(code)\(status)\(said)"
    }
  }
}
