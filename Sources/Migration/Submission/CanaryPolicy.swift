/// The canary's rule: the first request must be APPROVED by `conditionID` within `timeout` seconds.
public struct CanaryPolicy: Equatable, Sendable {
  public var conditionID: String
  public var timeout: Double
  public var pollInterval: Double

  public init(conditionID: String, timeout: Double = 120, pollInterval: Double = 2) {
    self.conditionID = conditionID
    self.timeout = timeout
    self.pollInterval = pollInterval
  }
}
