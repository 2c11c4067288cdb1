/// A simulated org started for `--demo`. The executable builds it (Shell never imports OktaSim)
/// and hands Shell a `DemoLauncher`.
public struct DemoOrg: Sendable {
  /// Where the simulator listens (`http://127.0.0.1:PORT`).
  public var orgURL: String
  /// The API token the simulator accepts; given to the session as `OKTA_CLIENT_TOKEN`, never printed.
  public var token: String
  /// A few lines telling a new user what to type, printed after the banner.
  public var walkThrough: String
  /// Variables set for the session (`roster` → the sample roster's path, used as `$roster`).
  public var variables: [String: String]
  /// Stops the simulator when the shell ends.
  public var stop: @Sendable () -> Void

  public init(
    orgURL: String, token: String, walkThrough: String, variables: [String: String] = [:],
    stop: @escaping @Sendable () -> Void
  ) {
    self.orgURL = orgURL
    self.token = token
    self.walkThrough = walkThrough
    self.variables = variables
    self.stop = stop
  }
}

/// Starts the demo org; injected by `main.swift`.
public typealias DemoLauncher = @Sendable () async throws -> DemoOrg
