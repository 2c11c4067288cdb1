/// Where one roster row stands in the migration.
///
/// `loaded → resolved → intent → submitted → approved → granted`, or one of the side exits.
/// A row in `intent` whose POST outcome is unknown is *in doubt*: it must be reconciled before any resend.
public enum RosterState: String, CaseIterable, Sendable, Codable {
  case loaded, resolved, intent, submitted, approved, granted
  case invalid, failed, stuck, skipped

  /// States no further work changes (short of an explicit `retry`).
  public var isFinal: Bool {
    switch self {
    case .granted, .invalid, .skipped: true
    default: false
    }
  }

  /// States whose row already has (or may have) a request in the org: never send blindly again.
  public var mayHaveRequest: Bool {
    switch self {
    case .intent, .submitted, .approved, .granted, .stuck: true
    default: false
    }
  }

  /// The transitions the journal allows; anything else is a bug and is refused.
  public var allowedNext: Set<RosterState> {
    switch self {
    case .loaded: [.resolved, .invalid, .skipped]
    case .resolved: [.intent, .invalid, .skipped]
    // An intent ends submitted (202 or adopted), back to resolved (surely not sent), or failed (rejected).
    case .intent: [.submitted, .resolved, .failed]
    case .submitted: [.approved, .granted, .failed, .stuck]
    case .approved: [.granted, .failed, .stuck]
    case .granted, .invalid, .skipped: []
    case .failed: [.intent, .resolved, .skipped, .submitted, .approved, .granted]
    case .stuck: [.intent, .approved, .granted, .failed, .submitted]
    }
  }
}
