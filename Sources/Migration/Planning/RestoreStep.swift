import OktaAPI

/// One org change of `restore`, in the order it is made.
public enum RestoreStep: Equatable, Sendable, CustomStringConvertible {
  case deactivate(conditionID: String, name: String)
  case delete(conditionID: String, name: String)
  /// Move a kept temporary condition below every other condition, where it decides no request.
  case lower(conditionID: String, name: String, from: Int?, to: Int)
  case activate(conditionID: String, name: String)
  case setPriority(conditionID: String, name: String, from: Int?, to: Int)
  case restoreOnBehalf(resourceID: String, to: RequestOnBehalfOfSettings?)

  /// Whether this step keeps a temporary condition rather than deleting it (the default `restore`).
  public var keepsTemporary: Bool {
    if case .lower = self { return true }
    return false
  }

  public var description: String {
    switch self {
    case .deactivate(let id, let name): "deactivate temporary condition \"\(name)\" (\(id))"
    case .delete(let id, let name): "delete temporary condition \"\(name)\" (\(id))"
    case .lower(let id, let name, let from, let to):
      "move temporary condition \"\(name)\" (\(id)) from priority \(from.map(String.init) ?? "?") down to \(to), "
        + "below the others"
    case .activate(let id, let name): "re-activate condition \"\(name)\" (\(id))"
    case .setPriority(let id, let name, let from, let to):
      "move condition \"\(name)\" (\(id)) from priority \(from.map(String.init) ?? "?") back to \(to)"
    case .restoreOnBehalf(let resource, let settings):
      "put back on-behalf settings of \(resource): "
        + (settings.map {
          $0.allowed ? "allowed\($0.onlyFor.map { " only for \($0.joined(separator: ", "))" } ?? "")" : "off"
        } ?? "off")
    }
  }
}
