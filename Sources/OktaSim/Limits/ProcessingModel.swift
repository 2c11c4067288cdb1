/// How fast the org works through access requests, and when requests get stuck.
///
/// The org handles requests one after another at `capacityPerMinute`. A new request that finds `backlog` or
/// more requests still waiting has a `stuckChance` of never leaving SUBMITTED — the field's stuck requests.
/// The defaults let 5 concurrent submitters with a 10 s wait after each (≤ 30/min) through untouched,
/// while an unthrottled burst builds a backlog and sticks.
public struct ProcessingModel: Codable, Sendable, Equatable {
  /// Requests the org picks up per simulated minute.
  public var capacityPerMinute: Double
  /// Waiting requests from which new ones may get stuck.
  public var backlogThreshold: Int
  /// Chance (0…1) that a request arriving over the threshold gets stuck.
  public var stuckChance: Double
  /// Simulated seconds from approval to the end of provisioning (grantStatus PENDING → GRANTED/FAILED).
  public var grantSeconds: Double
  /// Share (0…1) of grants that end FAILED.
  public var grantFailureShare: Double

  /// The defaults described above.
  public init(
    capacityPerMinute: Double = 60, backlogThreshold: Int = 10, stuckChance: Double = 0.5,
    grantSeconds: Double = 5, grantFailureShare: Double = 0
  ) {
    self.capacityPerMinute = capacityPerMinute
    self.backlogThreshold = backlogThreshold
    self.stuckChance = stuckChance
    self.grantSeconds = grantSeconds
    self.grantFailureShare = grantFailureShare
  }

  /// Simulated seconds the org spends on one request.
  var serviceSeconds: Double { 60 / max(0.001, capacityPerMinute) }
}
