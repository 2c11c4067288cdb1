/// A failure below HTTP: no complete answer arrived.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    /// The host name did not resolve.
    case dns
    /// Nothing listens on the port, or the host is unreachable.
    case connectionRefused
    /// The TLS handshake or certificate check failed.
    case tls
    /// The total timeout ran out.
    case timeout
    /// The connection closed or reset before a full answer.
    case connectionLost
    /// Anything else libcurl reports.
    case other
  }

  public var kind: Kind
  /// Whether any byte of the request left this machine. `false` means the server cannot have acted on it.
  public var requestSent: Bool
  /// libcurl's own words, for diagnostics (never contains headers or bodies).
  public var detail: String

  public init(_ kind: Kind, requestSent: Bool, detail: String = "") {
    self.kind = kind
    self.requestSent = requestSent
    self.detail = detail
  }

  public var description: String {
    let what =
      switch kind {
      case .dns: "host name did not resolve"
      case .connectionRefused: "connection refused"
      case .tls: "TLS handshake failed"
      case .timeout: "timed out"
      case .connectionLost: "connection lost before a complete answer"
      case .other: "transport failure"
      }
    return detail.isEmpty ? what : "\(what) (\(detail))"
  }
}
