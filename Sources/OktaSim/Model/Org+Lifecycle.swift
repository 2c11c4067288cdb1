extension Org {
  /// Requests still waiting to be picked up at `now`.
  func backlog(at now: Double, model: ProcessingModel) -> Int {
    Int((max(0, queueFreeAt - now) / model.serviceSeconds).rounded(.up))
  }

  /// Records a new request (SUBMITTED) for `user` and `entry`, decided by `condition`.
  mutating func submit(
    entry: SimEntry, user: SimUser, requestedBy: String, condition: SimCondition, fieldValues: JSONValue?,
    now: Double, model: ProcessingModel
  ) -> SimRequest {
    let number = requestOrder.count + 1
    let waiting = backlog(at: now, model: model)
    let stuck =
      waiting >= model.backlogThreshold
      && SeededRandom.unit(seed: seed, key: UInt64(number)) < model.stuckChance
    var processAt = Double.infinity
    if !stuck {
      processAt = max(now, queueFreeAt) + model.serviceSeconds
      queueFreeAt = processAt
    }
    let sequence = sequences[condition.approvalSequenceId]
    let request = SimRequest(
      id: newID("req"), number: number, entryId: entry.id, resourceId: entry.resourceId,
      requestedFor: user.id, requestedBy: requestedBy, created: now, lastUpdated: now, status: "SUBMITTED",
      grantStatus: nil, resolved: nil, granted: nil, conditionId: condition.id,
      sequenceId: condition.approvalSequenceId, autoApprove: sequence?.autoApprove ?? false, stuck: stuck,
      processAt: processAt, grantAt: nil,
      grantFails: SeededRandom.unit(seed: seed ^ 0x5EED, key: UInt64(number)) < model.grantFailureShare,
      decisions: [], requesterFieldValues: fieldValues)
    requests[request.id] = request
    requestOrder.append(request.id)
    if !request.isSettled {
      unsettled.insert(request.id)
      schedule(request.processAt)
    }
    return request
  }

  /// Moves every request along its lifecycle up to `now`.
  mutating func advance(to now: Double, model: ProcessingModel) {
    guard !unsettled.isEmpty else { return }
    if let next = nextEventAt, next > now { return }
    var next = Double.infinity
    for id in unsettled {
      guard var request = requests[id] else { continue }
      if request.status == "SUBMITTED", !request.stuck, request.processAt <= now {
        request.lastUpdated = request.processAt
        if request.autoApprove {
          request.status = "APPROVED"
          request.resolved = request.processAt
          request.grantStatus = "PENDING"
          request.grantAt = request.processAt + model.grantSeconds
        } else {
          request.status = "PENDING"
        }
      }
      if request.status == "APPROVED", request.grantStatus == "PENDING", let grantAt = request.grantAt,
        grantAt <= now
      {
        request.grantStatus = request.grantFails ? "FAILED" : "GRANTED"
        if !request.grantFails { request.granted = grantAt }
        request.lastUpdated = grantAt
      }
      requests[id] = request
      if request.isSettled {
        unsettled.remove(id)
      } else if request.status == "SUBMITTED" {
        next = min(next, request.processAt)
      } else if let grantAt = request.grantAt {
        next = min(next, grantAt)
      }
    }
    nextEventAt = next
  }

  /// Notes that something changes by itself at `time`.
  private mutating func schedule(_ time: Double) {
    nextEventAt = nextEventAt.map { min($0, time) }
  }

  /// What went wrong deciding a request by hand.
  enum DecisionError: Error, Equatable {
    case notFound
    case notPending(String)
  }

  /// Approves or denies a PENDING request (a human approver, through the control API).
  mutating func decide(
    requestId: String, approve: Bool, deciderId: String?, now: Double, model: ProcessingModel
  ) -> Result<SimRequest, DecisionError> {
    advance(to: now, model: model)
    guard var request = requests[requestId] else { return .failure(.notFound) }
    guard request.status == "PENDING" || (request.status == "SUBMITTED") else {
      return .failure(.notPending(request.status))
    }
    request.stuck = false
    request.decisions.append(
      SimDecision(deciderId: deciderId ?? adminUserId, decision: approve ? "APPROVE" : "DENY", decided: now))
    request.status = approve ? "APPROVED" : "DENIED"
    request.resolved = now
    request.lastUpdated = now
    if approve {
      request.grantStatus = "PENDING"
      request.grantAt = now + model.grantSeconds
    }
    requests[requestId] = request
    if request.isSettled {
      unsettled.remove(requestId)
    } else {
      unsettled.insert(requestId)
      schedule(request.grantAt ?? now)
    }
    return .success(request)
  }
}
