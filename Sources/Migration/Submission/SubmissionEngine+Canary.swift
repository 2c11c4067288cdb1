extension SubmissionEngine {
  /// Sends the first row alone and waits for it to be APPROVED by the temporary condition. A bulk run under
  /// a manual-approval condition would flood approvers' inboxes, so anything else stops the run.
  /// - Returns: why the run must stop, or nil when the canary passed.
  func runCanary(_ policy: CanaryPolicy) async -> SubmissionOutcome.Ending? {
    let rowID = queue.removeFirst()
    // A transient failure (429, 5xx, lost answer) requeues the row; keep it to the canary until it lands.
    for _ in 0..<settings.maxAttempts {
      _ = await handle(rowID)
      if let halt { return halt }
      guard let index = queue.firstIndex(of: rowID) else { break }
      queue.remove(at: index)
      try? await clock.sleep(seconds: max(pressure.delay(at: clock.now), 0.001))
    }
    guard let row = try? journal.row(rowID), let requestID = row.requestID, row.state == .submitted else {
      let reason = (try? journal.row(rowID))?.lastError ?? "no request was created"
      return .canaryRefused("the canary request for row \(rowID) could not be submitted: \(reason)")
    }
    onEvent(.canarySent(rowID: rowID, requestID: requestID))
    let deadline = clock.now.addingTimeInterval(policy.timeout)
    var last: ObservedRequest?
    while clock.now < deadline {
      if control.isStopRequested || Task.isCancelled { return .stopped }
      if let request = try? await gateway.request(id: requestID) {
        last = request
        if let verdict = verdict(request, row: row, policy: policy) { return verdict }
        if request.status == "APPROVED" { break }
      }
      try? await clock.sleep(seconds: policy.pollInterval)
    }
    guard let last, last.status == "APPROVED" else {
      return .canaryRefused(
        "canary request \(requestID) is still \(last?.status ?? "unknown") after \(Int(policy.timeout)) s: "
          + "the condition that applies needs a human approver; check `show conditions`, run "
          + "`clone-condition … --auto-approve`, then `submit` again")
    }
    return nil
  }

  /// Judges one observation of the canary: nil while it is still on its way, `.completed` marker via nil
  /// return after recording when it passed, or the refusal.
  private func verdict(_ request: ObservedRequest, row: RosterRow, policy: CanaryPolicy) -> SubmissionOutcome
    .Ending?
  {
    if RequestProgress.refusedStatuses.contains(request.status) {
      return .canaryRefused(
        "canary request \(request.id) was \(request.status.lowercased()); nothing else was sent")
    }
    guard request.status == "APPROVED" else { return nil }
    guard request.approvalConditionID == policy.conditionID else {
      return .canaryRefused(
        "canary request \(request.id) was approved by condition \(request.approvalConditionID ?? "unknown"), "
          + "not the temporary condition \(policy.conditionID); it must be ACTIVE at priority 0 "
          + "(`show conditions`, `clone-condition … --auto-approve`)")
    }
    let next: RosterState = request.grantStatus == "GRANTED" ? .granted : .approved
    try? journal.recordProgress(
      row.id, to: next, requestStatus: request.status, grantStatus: request.grantStatus)
    try? journal.setFact("canary", policy.conditionID)
    onEvent(.canaryPassed(requestID: request.id))
    return nil
  }
}
