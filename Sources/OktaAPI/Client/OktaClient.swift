import Foundation
import Synchronization

/// The Okta API client the shell and the migration engine use.
///
/// Behaves like Okta's own SDKs: honours 429s with `Reset − Date + 1 s`, retries 5xx and transport
/// failures only for idempotent calls, never re-sends a POST whose outcome is unclear (it throws an
/// ``OktaError`` with kind `.ambiguousOutcome` instead), and follows `Link: rel="next"` for lists.
/// Safe to share between tasks; every method is cancellable.
public final class OktaClient: Sendable {
  /// This build's version, sent as `User-Agent: oktabulk/<version>`.
  public static let version = "0.1.0"

  public let orgURL: URL
  public let retryPolicy: RetryPolicy
  public let requestTimeout: Duration
  let transport: any HTTPTransport
  let authenticator: any OktaAuthenticator
  let clock: any OktaClock
  let redactor: Redactor
  private let state: Mutex<MutableState>

  private struct MutableState {
    var rateLimit: RateLimitSnapshot?
    var tracer: (any OktaTracer)?
  }

  /// A client for an org, with any authenticator and transport.
  public init(
    orgURL: URL, authenticator: any OktaAuthenticator, transport: any HTTPTransport = CurlTransport(),
    clock: any OktaClock = SystemClock(), retryPolicy: RetryPolicy = .default,
    requestTimeout: Duration = OktaConfiguration.defaultRequestTimeout, tracer: (any OktaTracer)? = nil
  ) throws(OktaError) {
    self.orgURL = try OrgURLPolicy.validate(orgURL.absoluteString)
    self.authenticator = authenticator
    self.transport = transport
    self.clock = clock
    self.retryPolicy = retryPolicy
    self.requestTimeout = requestTimeout
    self.redactor = Redactor(secrets: authenticator.secrets)
    self.state = Mutex(MutableState(tracer: tracer))
  }

  /// A client from loaded configuration; the transport defaults to libcurl with the configured proxy.
  public convenience init(
    configuration: OktaConfiguration, transport: (any HTTPTransport)? = nil,
    clock: any OktaClock = SystemClock(), tracer: (any OktaTracer)? = nil
  ) throws(OktaError) {
    guard let orgURL = configuration.orgURL?.value else {
      throw OktaError(
        .configuration, detail: "no org URL: set okta.client.orgUrl, OKTA_CLIENT_ORGURL or pass --org")
    }
    guard configuration.authorizationMode.value == .ssws else {
      throw OktaError(
        .configuration,
        detail:
          "\(configuration.authorizationMode.source): authorizationMode \(configuration.authorizationMode.value.rawValue) is not supported yet; use SSWS with an API token"
      )
    }
    guard let token = configuration.token?.value, !token.isEmpty else {
      throw OktaError(.configuration, detail: "no API token: set okta.client.token or OKTA_CLIENT_TOKEN")
    }
    try self.init(
      orgURL: orgURL, authenticator: SSWSAuthenticator(token: token),
      transport: transport ?? CurlTransport(options: .init(proxy: configuration.proxy?.value)),
      clock: clock, retryPolicy: configuration.retryPolicy,
      requestTimeout: configuration.requestTimeout.value,
      tracer: tracer)
  }

  /// The rate-limit headers of the most recent answer (any endpoint).
  public var rateLimit: RateLimitSnapshot? {
    state.withLock { $0.rateLimit }
  }

  /// Where per-request traces go; `nil` turns tracing off (`set verbose off`).
  public var tracer: (any OktaTracer)? {
    get { state.withLock { $0.tracer } }
    set { state.withLock { $0.tracer = newValue } }
  }

  func record(_ snapshot: RateLimitSnapshot?) {
    guard let snapshot else { return }
    state.withLock { $0.rateLimit = snapshot }
  }
}

extension OktaClient: CustomStringConvertible, CustomReflectable {
  public var description: String { "OktaClient(\(orgURL.absoluteString))" }

  /// Only harmless fields: `dump(client)` must not reach the authenticator's secrets.
  public var customMirror: Mirror {
    Mirror(self, children: ["orgURL": orgURL, "retryPolicy": retryPolicy, "requestTimeout": requestTimeout])
  }
}
