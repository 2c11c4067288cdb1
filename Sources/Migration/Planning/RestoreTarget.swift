import Foundation
import OktaAPI

/// The org state `restore` aims for, derived from the journaled changes that are not yet undone.
public struct RestoreTarget: Equatable, Sendable {
  /// Conditions the tool created or re-activated (id → name): they must end INACTIVE below the others,
  /// or be gone when `restore --delete-temporary` asks for it.
  public var temporaryConditions: [String: String] = [:]
  /// Conditions the tool set aside or changed: their status and priority before.
  public var originals: [String: RequestCondition] = [:]
  /// On-behalf settings before the tool changed them (`.some(nil)` means they were off).
  public var onBehalf: [String: RequestOnBehalfOfSettings?] = [:]
  /// The journal changes this target undoes.
  public var changeIDs: [Int64] = []

  /// Reads the changes, oldest first; the earliest "before" of a target is the state to return to.
  public init(changes: [OrgChange]) throws(PlanError) {
    let decoder = JSONDecoder()
    func name(in json: String?) -> String? {
      json.flatMap { try? decoder.decode(RequestCondition.self, from: Data($0.utf8)) }?.name
    }
    for change in changes where !change.undone {
      changeIDs.append(change.id)
      switch change.kind {
      case .conditionCreated, .conditionActivated:
        // Only a temporary condition is ever activated by the tool (a reused one is not created again).
        temporaryConditions[change.target] =
          temporaryConditions[change.target] ?? name(in: change.afterJSON) ?? change.target
      case .conditionDeactivated, .conditionPatched:
        guard originals[change.target] == nil else { continue }
        guard let text = change.beforeJSON,
          let before = try? decoder.decode(RequestCondition.self, from: Data(text.utf8))
        else {
          throw PlanError("journal change \(change.id) has no readable before-state for \(change.target)")
        }
        originals[change.target] = before
      case .settingsPatched:
        guard onBehalf[change.target] == nil else { continue }
        let before = change.beforeJSON.flatMap {
          try? decoder.decode(RequestOnBehalfOfSettings.self, from: Data($0.utf8))
        }
        onBehalf[change.target] = .some(before)
      }
    }
    // A reused temporary condition is moved to the top before it is activated; that move is not an original's.
    for id in temporaryConditions.keys { originals[id] = nil }
  }

  public var isEmpty: Bool { temporaryConditions.isEmpty && originals.isEmpty && onBehalf.isEmpty }
}
