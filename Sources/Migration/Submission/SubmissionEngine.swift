import Foundation
import OktaAPI

/// Submits one access request per roster row: N workers, each waiting `wait` after each request, with a
/// canary first, pool-wide back-pressure, and the exactly-once rule (intent committed before the POST,
/// submitted with the id after the 202, in-doubt rows reconciled before any resend).
///
/// Controlled while it runs through ``control`` (pause, resume, re-throttle, stop), so it can run in the
/// background of the shell. Cancelling the task stops it like ``SubmissionControl/stop()``: in-flight requests
/// are recorded before it returns.
public actor SubmissionEngine {
  public nonisolated let control: SubmissionControl
  let journal: Journal
  let gateway: any RequestGateway
  let clock: any OktaClock
  let settings: SubmissionSettings
  let onEvent: @Sendable (SubmissionEvent) -> Void

  var queue: [Int64] = []
  var pressure: BackPressure
  /// In-doubt outcomes per row this run; past `maxAttempts` the row is left for `retry`.
  private var troubles: [Int64: Int] = [:]
  var halt: SubmissionOutcome.Ending?
  private var counts = (submitted: 0, adopted: 0, failed: 0)
  /// Workers started and not yet returned.
  private var activeWorkers = 0

  public init(
    journal: Journal, gateway: any RequestGateway, clock: any OktaClock, settings: SubmissionSettings,
    onEvent: @escaping @Sendable (SubmissionEvent) -> Void = { _ in }
  ) {
    self.journal = journal
    self.gateway = gateway
    self.clock = clock
    self.settings = settings
    self.onEvent = onEvent
    control = SubmissionControl(concurrency: settings.concurrency, wait: settings.wait)
    pressure = BackPressure(policy: settings.backPressure)
  }

  /// Runs until every selected row is handled, the run is stopped, or something needs the user.
  public func run() async -> SubmissionOutcome {
    do {
      let states: Set<RosterState> = Set([.resolved, .intent]).union(settings.retry)
      queue = try journal.rows(in: states, limit: settings.limit).map(\.id)
    } catch {
      return outcome(.halted(error.description))
    }
    control.updateProgress {
      $0.total = queue.count
      $0.startedAt = clock.now
    }
    onEvent(.started(rows: queue.count))
    if let canary = settings.canary, !queue.isEmpty, (try? journal.fact("canary")) != canary.conditionID {
      if let refusal = await runCanary(canary) { return outcome(refusal) }
    }
    await withTaskGroup(of: Void.self) { group in
      // Workers start as the concurrency asks; a re-throttle upwards adds more on the next tick.
      var started = 0
      while !shouldStop {
        let wanted = min(control.throttle.concurrency, SubmissionControl.maxConcurrency)
        while started < wanted {
          let index = started
          activeWorkers += 1
          group.addTask { await self.work(index: index) }
          started += 1
        }
        if activeWorkers == 0 && queue.isEmpty && !control.isPaused { break }
        do { try await clock.sleep(seconds: 0.5) } catch { break }
      }
      await group.waitForAll()
    }
    if let halt { return outcome(halt) }
    return outcome(control.isStopRequested || Task.isCancelled ? .stopped : .completed)
  }

  private func outcome(_ ending: SubmissionOutcome.Ending) -> SubmissionOutcome {
    SubmissionOutcome(
      ending: ending, submitted: counts.submitted, adopted: counts.adopted, failed: counts.failed,
      remaining: queue.count + troubles.filter { $0.value >= settings.maxAttempts }.count)
  }

  private var shouldStop: Bool { halt != nil || control.isStopRequested || Task.isCancelled }

  // MARK: Workers

  private func work(index: Int) async {
    defer { activeWorkers -= 1 }
    while !shouldStop {
      let throttle = control.throttle
      if control.isPaused || index >= throttle.concurrency {
        // Parked: a re-throttle or resume may bring this worker in.
        if queue.isEmpty && !control.isPaused { return }
        try? await clock.sleep(seconds: 0.5)
        continue
      }
      let delay = pressure.delay(at: clock.now)
      if delay > 0 {
        try? await clock.sleep(seconds: delay)
        continue
      }
      guard !queue.isEmpty else { return }
      let rowID = queue.removeFirst()
      control.updateProgress { $0.inFlight += 1 }
      let sent = await handle(rowID)
      control.updateProgress { $0.inFlight -= 1 }
      if sent { try? await clock.sleep(seconds: control.throttle.wait) }
    }
  }

  /// Drives one row as far as one attempt goes. Returns whether a request was sent (so the worker waits).
  func handle(_ rowID: Int64) async -> Bool {
    do {
      guard let row = try journal.row(rowID) else { return false }
      switch row.state {
      case .resolved:
        return try await send(row)
      case .intent, .failed, .stuck:
        return try await reconcile(row)
      default:
        return false  // handled elsewhere since it was queued
      }
    } catch {
      halt = .halted(error.description)
      return false
    }
  }

  /// Looks for an existing request for the row's pair before anything is (re)sent.
  private func reconcile(_ row: RosterRow) async throws(JournalError) -> Bool {
    guard let userID = row.userID else { return false }
    let candidates: [ObservedRequest]
    do {
      candidates = try await gateway.requests(
        matching: RequestQuery(resourceID: settings.resourceID, userID: userID))
    } catch {
      try note(error, row: row, action: "request.list")
      return false
    }
    let live =
      row.state == .intent
      ? candidates : candidates.filter { !RequestProgress.refusedStatuses.contains($0.status) }
    var claimed: Set<String> = []
    for candidate in live {
      if let holder = try journal.row(requestID: candidate.id), holder.id != row.id {
        claimed.insert(candidate.id)
      }
    }
    let intentAt = row.state == .intent ? row.intentAt : nil
    switch InDoubtResolver.decide(
      userID: userID, entryID: row.entryID, intentAt: intentAt, candidates: live, claimed: claimed)
    {
    case .adopt(let request):
      if row.state != .intent { try journal.recordIntent(row.id) }
      try journal.recordSubmitted(
        row.id, requestID: request.id, status: request.status, reconciliation: .adopted,
        audit: audit("request.adopt", row, result: "found \(request.id) (\(request.status))"))
      counts.adopted += 1
      control.updateProgress { $0.adopted += 1 }
      onEvent(.adopted(rowID: row.id, requestID: request.id))
      return false
    case .resend:
      if row.state == .intent {
        try journal.recordNotSent(row.id, reason: "in doubt; no request found", reconciliation: .resent)
      }
      guard let fresh = try journal.row(row.id) else { return false }
      return try await send(fresh)
    }
  }

  /// Intent (committed) → POST → submitted with the id. The POST runs detached from cancellation so its
  /// outcome is always recorded.
  private func send(_ row: RosterRow) async throws(JournalError) -> Bool {
    guard let userID = row.userID else { return false }
    try journal.recordIntent(row.id)
    let gateway = self.gateway
    let draft = RequestDraft(userID: userID, entryID: row.entryID, fields: row.fields)
    let result = await Task { () -> Result<CreatedRequest, OrgFailure> in
      do throws(OrgFailure) { return .success(try await gateway.createRequest(draft)) } catch {
        return .failure(error)
      }
    }.value
    switch result {
    case .success(let created):
      try journal.recordSubmitted(
        row.id, requestID: created.request.id, status: created.request.status,
        audit: audit("request.create", row, result: "202 \(created.request.id)", okta: created.oktaRequestID))
      _ = pressure.recordSuccess(at: clock.now).map { onEvent(.pressure($0)) }
      counts.submitted += 1
      control.updateProgress { $0.submitted += 1 }
      onEvent(.submitted(rowID: row.id, requestID: created.request.id))
    case .failure(let failure):
      try journal.appendAudit(audit("request.create", row, result: failure.description))
      if failure.mayHaveBeenAccepted {
        try note(failure, row: row, action: "request.create")  // stays in intent: reconciled on the next pass
      } else if case .rejected = failure {
        try journal.recordProgress(row.id, to: .failed, error: failure.description)
        counts.failed += 1
        control.updateProgress { $0.failed += 1 }
        onEvent(.rowFailed(rowID: row.id, reason: failure.description))
      } else {
        try journal.recordNotSent(row.id, reason: failure.description)
        try note(failure, row: row, action: "request.create")
      }
    }
    return true
  }

  /// Applies a failed call to the shared brake and decides whether the row comes back later.
  private func note(_ failure: OrgFailure, row: RosterRow, action: String) throws(JournalError) {
    let now = clock.now
    let notice: BackPressure.Notice?
    switch failure {
    case .unauthorized:
      halt = .halted("\(failure.description); \(failure.fix ?? "")")
      queue.insert(row.id, at: 0)
      return
    case .rateLimited(let after):
      notice = pressure.recordRateLimit(retryAfter: after, at: now)
    case .serverError, .noAnswer, .unreachable:
      notice = pressure.recordServerTrouble(failure.description, at: now)
      troubles[row.id, default: 0] += 1
    case .rejected:
      notice = nil
      troubles[row.id, default: 0] += 1
    }
    if let notice { onEvent(.pressure(notice)) }
    if troubles[row.id, default: 0] < settings.maxAttempts {
      queue.append(row.id)
    } else {
      onEvent(
        .rowFailed(
          rowID: row.id, reason: "left for `retry` after \(settings.maxAttempts) attempts: \(failure)"))
    }
  }

  private func audit(_ action: String, _ row: RosterRow, result: String, okta: String? = nil) -> AuditEntry {
    AuditEntry(
      at: clock.now, action: action, target: "\(row.userID ?? row.userInput)/\(row.entryID)", result: result,
      oktaRequestID: okta)
  }
}
