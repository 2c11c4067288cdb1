import Foundation

/// Maps what the org reports about a row's request onto the row's next state.
public enum RequestProgress {
  /// Statuses after which a request will never be approved.
  public static let refusedStatuses: Set<String> = ["DENIED", "REJECTED", "CANCELED", "EXPIRED"]

  /// The state a row should move to, or nil when it stays where it is.
  /// - Parameters:
  ///   - age: seconds since the row was submitted.
  ///   - stuckAfter: a request neither approved nor refused after this long is reported stuck.
  public static func nextState(
    current: RosterState, request: ObservedRequest, age: Double, stuckAfter: Double
  ) -> (state: RosterState, reason: String?)? {
    let target: (RosterState, String?)
    if request.status == "APPROVED" {
      switch request.grantStatus {
      case "GRANTED": target = (.granted, nil)
      case "FAILED", "MANUAL_REQUIRED":
        target = (.failed, "approved but grant is \(request.grantStatus ?? "")")
      default:
        target = age > stuckAfter ? (.stuck, "approved, not granted after \(Int(age)) s") : (.approved, nil)
      }
    } else if refusedStatuses.contains(request.status) {
      target = (.failed, "request \(request.status.lowercased())")
    } else if age > stuckAfter {
      target = (.stuck, "\(request.status) after \(Int(age)) s")
    } else {
      return nil
    }
    guard target.0 != current, current.allowedNext.contains(target.0) else { return nil }
    return target
  }
}
