/// Sends one HTTP request and returns the answer; the seam between the client and the network.
///
/// Implementations never retry and never re-send: that is the client's decision. A cancelled task
/// must make `send` throw `CancellationError` promptly.
public protocol HTTPTransport: Sendable {
  func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
