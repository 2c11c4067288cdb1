import OktaAPI

/// One reason `submit` must not start yet, with the command that fixes it.
public struct PreflightProblem: Equatable, Sendable, CustomStringConvertible {
  public var problem: String
  public var fix: String
  public var description: String { "\(problem); fix: \(fix)" }
}

extension MigrationService {
  /// Checks what a bulk submission needs: the temporary condition ACTIVE and on top, on-behalf allowed,
  /// a roster loaded. Rows in doubt are not a problem: the run reconciles them first.
  public func preflight() async throws -> [PreflightProblem] {
    var problems: [PreflightProblem] = []
    let conditions = try await read("list conditions") { () async throws(OrgFailure) in
      try await org.conditions(resourceID: resourceID)
    }
    let active = conditions.filter { $0.status == .active }.sorted {
      ($0.priority ?? .max) < ($1.priority ?? .max)
    }
    if let id = temporaryConditionID, let temporary = conditions.first(where: { $0.id == id }) {
      if temporary.status != .active {
        problems.append(
          PreflightProblem(
            problem: "the temporary condition \"\(temporary.name)\" is \(temporary.status.rawValue)",
            fix: "clone-condition \"\(temporary.name)\" --auto-approve (re-activates it)"))
      } else if active.first?.id != id {
        problems.append(
          PreflightProblem(
            problem: "condition \"\(active.first?.name ?? "?")\" outranks the temporary condition",
            fix:
              "clone-condition … --auto-approve without --keep-originals, or move it below in the Admin Console"
          ))
      }
    } else {
      problems.append(
        PreflightProblem(
          problem: "no temporary auto-approve condition on \(resourceID)",
          fix: "show conditions, then clone-condition <name> --auto-approve"))
    }
    let settings = try await read("read request settings") { () async throws(OrgFailure) in
      try await org.settings(resourceID: resourceID)
    }
    let onBehalf = settings.requestOnBehalfOfSettings
    if onBehalf?.allowed != true || onBehalf?.onlyFor != nil {
      problems.append(
        PreflightProblem(
          problem: "requests on behalf of other users are not allowed for everyone on \(resourceID)",
          fix: "clone-condition <name> --auto-approve (it allows them)"))
    }
    let counts = try journal.stateCounts()
    if counts.values.reduce(0, +) == 0 {
      problems.append(PreflightProblem(problem: "no roster loaded", fix: "load <file>"))
    }
    return problems
  }

  /// A submission over this migration's journal and org; the canary is on unless `canary` is false.
  public func submission(
    concurrency: Int = 5, wait: Double = 10, limit: Int? = nil, canary: Bool = true,
    canaryTimeout: Double = 120,
    retry: Set<RosterState> = [], onEvent: @escaping @Sendable (SubmissionEvent) -> Void = { _ in }
  ) -> SubmissionEngine {
    let policy =
      canary ? temporaryConditionID.map { CanaryPolicy(conditionID: $0, timeout: canaryTimeout) } : nil
    let settings = SubmissionSettings(
      resourceID: resourceID, concurrency: concurrency, wait: wait, limit: limit, canary: policy, retry: retry
    )
    return SubmissionEngine(
      journal: journal, gateway: org, clock: clock, settings: settings, onEvent: onEvent)
  }

  /// An ACTIVE temporary condition left behind, to announce when the shell starts and exits.
  public func lingeringTemporaryCondition() async -> RequestCondition? {
    guard let id = temporaryConditionID, !id.isEmpty,
      let conditions = try? await org.conditions(resourceID: resourceID)
    else { return nil }
    return conditions.first { $0.id == id && $0.status == .active }
  }
}
