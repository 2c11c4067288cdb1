import Foundation

/// Settles a row left in `intent` (crash, timeout, reset, accepted-then-dropped) before anything is re-sent.
///
/// Pure: given the row and the requests the org lists for that user and resource, decide to adopt one
/// or send again. Requests created before the intent (minus clock skew) are not this attempt's.
public enum InDoubtResolver {
  public enum Decision: Equatable, Sendable {
    /// This request is the row's: record it as submitted, send nothing.
    case adopt(ObservedRequest)
    /// Nothing matches: the POST never took effect; send again.
    case resend
  }

  /// Tolerance between our clock and the org's when comparing creation times with the intent.
  public static let clockSkew: Double = 120

  /// - Parameters:
  ///   - claimed: request ids other rows already hold (never adopt another row's request).
  public static func decide(
    userID: String, entryID: String, intentAt: Date?, candidates: [ObservedRequest], claimed: Set<String>
  ) -> Decision {
    let earliest = intentAt?.addingTimeInterval(-clockSkew) ?? .distantPast
    let matches = candidates.filter {
      $0.userID == userID && $0.entryID == entryID && $0.created >= earliest && !claimed.contains($0.id)
    }
    // Several matches mean an earlier duplicate slipped through; the first one is the row's.
    guard let first = matches.min(by: { $0.created < $1.created }) else { return .resend }
    return .adopt(first)
  }
}
