import OktaAPI

/// One org change of `clone-condition`, in the order it is made.
public enum CloneStep: Equatable, Sendable, CustomStringConvertible {
  /// Allow requesting on behalf of anyone on the resource (needed to request for each user).
  case allowOnBehalf(resourceID: String, before: RequestOnBehalfOfSettings?)
  /// Create the temporary condition (Okta creates it INACTIVE).
  case create(NewRequestCondition)
  /// Move the temporary condition an earlier `restore` kept (INACTIVE at the bottom) back to priority 0.
  case moveToTop(RequestCondition)
  /// Activate a condition; nil means the one the `create` step made.
  case activate(conditionID: String?)
  /// Set an original condition aside for the migration.
  case deactivate(RequestCondition)

  public var description: String {
    switch self {
    case .allowOnBehalf(let resource, let before):
      let was =
        before.map {
          $0.allowed ? "allowed only for \($0.onlyFor?.joined(separator: ", ") ?? "some")" : "off"
        } ?? "off"
      return "allow requests on behalf of any user on \(resource) (now \(was))"
    case .create(let condition):
      return
        "create condition \"\(condition.name)\" at priority \(condition.priority ?? 0) with sequence \(condition.approvalSequenceId)"
    case .moveToTop(let condition):
      return
        "move condition \"\(condition.name)\" (\(condition.id)) from priority \(condition.priority.map(String.init) ?? "?") to 0"
    case .activate(let id):
      return "activate \(id.map { "condition \($0)" } ?? "the new condition")"
    case .deactivate(let condition):
      return
        "deactivate condition \"\(condition.name)\" (\(condition.id), priority \(condition.priority.map(String.init) ?? "?"))"
    }
  }
}
