import OktaAPI

extension MigrationService {
  /// Reads the org and plans `clone-condition` (the `--dry-run` view, and the first half of ``clone(_:)``).
  public func planClone(_ request: CloneRequest) async throws -> ClonePlan {
    let conditions = try await read("list conditions") { () async throws(OrgFailure) in
      try await org.conditions(resourceID: resourceID)
    }
    let sequences = try await read("list sequences") { () async throws(OrgFailure) in
      try await org.sequences(resourceID: resourceID)
    }
    let settings = try await read("read request settings") { () async throws(OrgFailure) in
      try await org.settings(resourceID: resourceID)
    }
    return try ClonePlanner.plan(
      request, resourceID: resourceID, conditions: conditions, sequences: sequences, settings: settings)
  }

  /// Plans and makes the clone, journaling each change (before and after) as it is made.
  /// - Returns: the plan that was carried out and the temporary condition's id.
  @discardableResult
  public func clone(_ request: CloneRequest) async throws -> (plan: ClonePlan, temporaryID: String) {
    let plan = try await planClone(request)
    var temporaryID = plan.existingTemporary?.id
    for step in plan.steps {
      switch step {
      case .allowOnBehalf(let resource, let before):
        let answer = try await change("settings.patch", resource) { () async throws(OrgFailure) in
          try await org.patchSettings(
            resourceID: resource,
            ResourceRequestSettingsPatch(requestOnBehalfOf: .set(RequestOnBehalfOfSettings())))
        }
        try journal.recordChange(
          .settingsPatched, target: resource, before: before.map(Self.json),
          after: answer.value.requestOnBehalfOfSettings.map(Self.json),
          audit: audit(
            "settings.patch", resource, result: "on-behalf allowed", oktaRequestID: answer.oktaRequestID))
      case .create(let draft):
        let answer = try await change("condition.create", draft.name) { () async throws(OrgFailure) in
          try await org.createCondition(resourceID: resourceID, draft)
        }
        temporaryID = answer.value.id
        try journal.setFact("temporary_condition", answer.value.id)
        try journal.recordChange(
          .conditionCreated, target: answer.value.id, before: nil, after: Self.json(answer.value),
          audit: audit(
            "condition.create", answer.value.id, result: "created \(answer.value.status.rawValue)",
            oktaRequestID: answer.oktaRequestID))
      case .moveToTop(let condition):
        let answer = try await change("condition.patch", condition.id) { () async throws(OrgFailure) in
          try await org.patchCondition(
            resourceID: resourceID, id: condition.id, RequestConditionPatch(priority: 0))
        }
        try journal.recordChange(
          .conditionPatched, target: condition.id, before: Self.json(condition),
          after: Self.json(answer.value),
          audit: audit(
            "condition.priority", condition.id, result: "priority 0", oktaRequestID: answer.oktaRequestID))
      case .activate(let id):
        guard let target = id ?? temporaryID else { continue }
        let answer = try await change("condition.activate", target) { () async throws(OrgFailure) in
          try await org.activateCondition(resourceID: resourceID, id: target)
        }
        try journal.setFact("temporary_condition", target)
        try journal.recordChange(
          .conditionActivated, target: target, before: nil, after: Self.json(answer.value),
          audit: audit(
            "condition.activate", target, result: answer.value.status.rawValue,
            oktaRequestID: answer.oktaRequestID))
      case .deactivate(let original):
        let answer = try await change("condition.deactivate", original.id) { () async throws(OrgFailure) in
          try await org.deactivateCondition(resourceID: resourceID, id: original.id)
        }
        try journal.recordChange(
          .conditionDeactivated, target: original.id, before: Self.json(original),
          after: Self.json(answer.value),
          audit: audit(
            "condition.deactivate", original.id, result: answer.value.status.rawValue,
            oktaRequestID: answer.oktaRequestID))
      }
    }
    guard let temporaryID else { throw MigrationError("clone-condition made no temporary condition") }
    return (plan, temporaryID)
  }

  func read<T>(_ what: String, _ body: () async throws(OrgFailure) -> T) async throws(MigrationError) -> T {
    do { return try await body() } catch { throw MigrationError(error, while: what) }
  }

  /// Runs a mutating call; a failure is audited before it is thrown, so the trail shows attempts too.
  func change<T>(_ action: String, _ target: String, _ body: () async throws(OrgFailure) -> T) async throws
    -> T
  {
    do { return try await body() } catch {
      try? journal.appendAudit(audit(action, target, result: error.description))
      throw MigrationError(error, while: "\(action) \(target)")
    }
  }
}
