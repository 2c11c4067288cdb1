import OktaAPI

/// Plans `restore` as a pure function of the journal's target and what the org shows now.
///
/// Steps are only those that differ, so a restore that already happened plans nothing; run it, re-read the
/// org and plan again until nothing is left (priorities may shift as conditions come and go).
public enum RestorePlanner {
  public struct Plan: Equatable, Sendable {
    public var steps: [RestoreStep]
    /// Differences no step can fix (an original deleted by someone else…).
    public var problems: [String]
  }

  public static func plan(
    target: RestoreTarget, conditions: [RequestCondition], settings: [String: ResourceRequestSettings]
  ) -> Plan {
    var steps: [RestoreStep] = []
    var problems: [String] = []
    let byID = Dictionary(conditions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    for (id, name) in target.createdConditions.sorted(by: { $0.key < $1.key }) {
      guard let current = byID[id], current.status != .deleted else { continue }
      if current.status == .active { steps.append(.deactivate(conditionID: id, name: name)) }
      steps.append(.delete(conditionID: id, name: name))
    }

    let originals = target.originals.values.sorted {
      ($0.priority ?? .max, $0.id) < ($1.priority ?? .max, $1.id)
    }
    for original in originals {
      guard let current = byID[original.id], current.status != .deleted else {
        problems.append(
          "condition \"\(original.name)\" (\(original.id)) no longer exists; recreate it in the Admin Console"
        )
        continue
      }
      if original.status == .active && current.status == .inactive {
        steps.append(.activate(conditionID: original.id, name: original.name))
      }
    }
    for original in originals {
      guard let current = byID[original.id], current.status != .deleted, let priority = original.priority,
        current.priority != priority
      else { continue }
      steps.append(
        .setPriority(conditionID: original.id, name: original.name, from: current.priority, to: priority))
    }

    for (resource, before) in target.onBehalf.sorted(by: { $0.key < $1.key }) {
      let now = settings[resource]?.requestOnBehalfOfSettings
      if normalized(now) != normalized(before) {
        steps.append(.restoreOnBehalf(resourceID: resource, to: before))
      }
    }
    return Plan(steps: steps, problems: problems)
  }

  /// "Not allowed" has two spellings: absent, and `allowed: false`.
  private static func normalized(_ settings: RequestOnBehalfOfSettings?) -> RequestOnBehalfOfSettings? {
    guard let settings, settings.allowed else { return nil }
    return settings
  }
}
