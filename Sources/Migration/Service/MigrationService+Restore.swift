import OktaAPI

/// What `restore` did or would do.
public struct RestoreReport: Equatable, Sendable {
  /// Steps carried out (or, for a dry run, planned).
  public var steps: [RestoreStep]
  /// Differences left after reading the org back; empty when restored.
  public var differences: [String]
  /// Whether anything needed doing.
  public var changedNothing: Bool { steps.isEmpty }
}

extension MigrationService {
  /// Undoes the journaled org changes in reverse, reads the org back and reports any difference.
  /// Safe to repeat: a second run finds nothing to do.
  /// - Parameter deleteTemporary: delete the temporary condition instead of keeping it INACTIVE at the
  ///   bottom (kept by default, because the migration's requests link to it as their approval condition).
  public func restore(dryRun: Bool = false, deleteTemporary: Bool = false) async throws -> RestoreReport {
    let target = try RestoreTarget(changes: try journal.changes())
    guard !target.isEmpty else { return RestoreReport(steps: [], differences: []) }
    var done: [RestoreStep] = []
    // Priorities shift as conditions come and go, so plan, act, re-read, until the plan is empty.
    for _ in 0..<4 {
      let plan = try await observe(target, deleteTemporary: deleteTemporary)
      if plan.steps.isEmpty || dryRun {
        if dryRun { return RestoreReport(steps: plan.steps, differences: plan.problems) }
        break
      }
      for step in plan.steps { try await apply(step) }
      done += plan.steps
    }
    let final = try await observe(target, deleteTemporary: deleteTemporary)
    let differences = final.problems + final.steps.map { "still to do: \($0)" }
    if differences.isEmpty {
      for id in target.changeIDs { try journal.markUndone(id) }
      try journal.setFact("canary", "")
    }
    return RestoreReport(steps: done, differences: differences)
  }

  private func observe(_ target: RestoreTarget, deleteTemporary: Bool) async throws -> RestorePlanner.Plan {
    let conditions = try await read("list conditions") { () async throws(OrgFailure) in
      try await org.conditions(resourceID: resourceID)
    }
    var settings: [String: ResourceRequestSettings] = [:]
    for resource in target.onBehalf.keys {
      settings[resource] = try await read("read request settings") { () async throws(OrgFailure) in
        try await org.settings(resourceID: resource)
      }
    }
    return RestorePlanner.plan(
      target: target, conditions: conditions, settings: settings, deleteTemporary: deleteTemporary)
  }

  private func apply(_ step: RestoreStep) async throws {
    let rid = resourceID
    switch step {
    case .deactivate(let id, _):
      let answer = try await change("condition.deactivate", id) { () async throws(OrgFailure) in
        try await org.deactivateCondition(resourceID: rid, id: id)
      }
      try journal.appendAudit(
        audit(
          "restore.deactivate", id, result: answer.value.status.rawValue, oktaRequestID: answer.oktaRequestID)
      )
    case .delete(let id, _):
      let answer = try await change("condition.delete", id) { () async throws(OrgFailure) in
        try await org.deleteCondition(resourceID: rid, id: id)
      }
      try journal.appendAudit(
        audit("restore.delete", id, result: "deleted", oktaRequestID: answer.oktaRequestID))
    case .activate(let id, _):
      let answer = try await change("condition.activate", id) { () async throws(OrgFailure) in
        try await org.activateCondition(resourceID: rid, id: id)
      }
      try journal.appendAudit(
        audit(
          "restore.activate", id, result: answer.value.status.rawValue, oktaRequestID: answer.oktaRequestID))
    case .setPriority(let id, _, _, let priority), .lower(let id, _, _, let priority):
      let answer = try await change("condition.patch", id) { () async throws(OrgFailure) in
        try await org.patchCondition(resourceID: rid, id: id, RequestConditionPatch(priority: priority))
      }
      try journal.appendAudit(
        audit(
          "restore.priority", id, result: "priority \(answer.value.priority.map(String.init) ?? "?")",
          oktaRequestID: answer.oktaRequestID))
    case .restoreOnBehalf(let resource, let settings):
      let patch = ResourceRequestSettingsPatch(
        requestOnBehalfOf: settings.map { $0.allowed ? .set($0) : .disallow } ?? .disallow)
      let answer = try await change("settings.patch", resource) { () async throws(OrgFailure) in
        try await org.patchSettings(resourceID: resource, patch)
      }
      try journal.appendAudit(
        audit("restore.settings", resource, result: "on-behalf restored", oktaRequestID: answer.oktaRequestID)
      )
    }
  }
}
