import OktaAPI

/// Plans `restore` as a pure function of the journal's target and what the org shows now.
///
/// By default the temporary condition is kept, INACTIVE and below every other condition, so the
/// `_links.approvalCondition` of the migration's requests still names it; `deleteTemporary` deletes it
/// instead. Priorities follow the org's rule (contiguous 0, 1, 2, …; moving one shifts the others), which
/// the planner replays so that it only plans moves that are still needed after the earlier ones.
///
/// Steps are only those that differ, so a restore that already happened plans nothing; run it, re-read the
/// org and plan again until nothing is left.
public enum RestorePlanner {
  public struct Plan: Equatable, Sendable {
    public var steps: [RestoreStep]
    /// Differences no step can fix (an original deleted by someone else…).
    public var problems: [String]
  }

  public static func plan(
    target: RestoreTarget, conditions: [RequestCondition], settings: [String: ResourceRequestSettings],
    deleteTemporary: Bool = false
  ) -> Plan {
    var steps: [RestoreStep] = []
    var problems: [String] = []
    let live = conditions.filter { $0.status != .deleted }
    let byID = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var order = PriorityOrder(live)

    let temporaries = target.temporaryConditions.sorted { $0.key < $1.key }.filter { byID[$0.key] != nil }
    for (id, name) in temporaries where byID[id]?.status == .active {
      steps.append(.deactivate(conditionID: id, name: name))
    }
    for (id, name) in temporaries {
      if deleteTemporary {
        steps.append(.delete(conditionID: id, name: name))
        order.remove(id)
      } else if !order.isBelowAll(id, except: Set(target.temporaryConditions.keys)) {
        let bottom = order.count - 1
        steps.append(.lower(conditionID: id, name: name, from: order.priority(of: id), to: bottom))
        order.move(id, to: bottom)
      }
    }

    let originals = target.originals.values.sorted {
      ($0.priority ?? .max, $0.id) < ($1.priority ?? .max, $1.id)
    }
    for original in originals {
      guard let current = byID[original.id] else {
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
      guard byID[original.id] != nil, let priority = original.priority,
        order.priority(of: original.id) != priority
      else { continue }
      steps.append(
        .setPriority(
          conditionID: original.id, name: original.name, from: order.priority(of: original.id), to: priority))
      order.move(original.id, to: priority)
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
