import Synchronization

/// Turns HTTP requests into Okta answers: routing, limits, auth, faults, the operation itself, and the
/// headers every answer carries. All state lives in one `SimState` behind a mutex.
final class SimEngine: Sendable {
  let clock: SimClock
  let state: Mutex<SimState>
  /// Builds the state `POST /__sim/reset` goes back to.
  let fresh: @Sendable () -> SimState
  private let requestCounter = Atomic<Int>(0)

  init(clock: SimClock, fresh: @escaping @Sendable () -> SimState, initial: SimState? = nil) {
    self.clock = clock
    self.fresh = fresh
    self.state = Mutex(initial ?? fresh())
  }

  /// Serves one request (Okta paths and the `/__sim/` control API).
  func handle(_ request: HTTPRequest) -> HTTPOutcome {
    if request.path.hasPrefix("/__sim/") || request.path == "/__sim" {
      return .respond(control(request))
    }
    let now = clock.now()
    let number = requestCounter.add(1, ordering: .relaxed).newValue
    let requestId = Self.requestID(number)
    let decided = state.withLock { state -> Decision in
      state.org.advance(to: now, model: state.model)
      let route: Route
      switch Route.match(method: request.method, path: request.path) {
      case .success(let matched): route = matched
      case .failure(let error): return .respond(answer(error, verdict: nil, now: now, requestId: requestId))
      }
      let endpoint = route.endpoint
      state.calls[endpoint, default: 0] += 1

      func finish(_ response: Answer) -> Answer {
        state.statuses[endpoint, default: [:]][response.status, default: 0] += 1
        return response
      }

      if request.inFlight > state.concurrencyLimit {
        let verdict = RateLimiter.Verdict(
          allowed: false, limit: 0, remaining: 0, reset: Int(now.rounded(.up)) + 1)
        return .respond(finish(answer(.concurrencyLimited, verdict: verdict, now: now, requestId: requestId)))
      }
      if let stormEnd = state.faults.storm(for: endpoint, now: now) {
        let limit = state.rateLimiter.limit(for: endpoint)
        let verdict = RateLimiter.Verdict(
          allowed: false, limit: limit, remaining: 0, reset: Int(stormEnd.rounded(.up)))
        return .respond(finish(answer(.rateLimited, verdict: verdict, now: now, requestId: requestId)))
      }
      if let fault = state.faults.draw(for: endpoint, kinds: [.reset, .error500, .error503, .error429]) {
        switch fault.kind {
        case .reset:
          state.statuses[endpoint, default: [:]][SimState.resetStatus, default: 0] += 1
          return .reset
        case .error429:
          let limit = state.rateLimiter.limit(for: endpoint)
          let verdict = RateLimiter.Verdict(
            allowed: false, limit: limit, remaining: 0, reset: Int(now.rounded(.up)) + 1)
          return .respond(finish(answer(.rateLimited, verdict: verdict, now: now, requestId: requestId)))
        case .error500:
          let verdict = state.rateLimiter.peek(endpoint, now: now)
          return .respond(finish(answer(.internalError, verdict: verdict, now: now, requestId: requestId)))
        default:
          let verdict = state.rateLimiter.peek(endpoint, now: now)
          return .respond(finish(answer(.unavailable, verdict: verdict, now: now, requestId: requestId)))
        }
      }
      guard request.header("authorization") == "SSWS \(state.token)" else {
        let verdict = state.rateLimiter.peek(endpoint, now: now)
        return .respond(finish(answer(.invalidToken, verdict: verdict, now: now, requestId: requestId)))
      }
      if endpoint.isGovernance, state.authMode != .ok {
        let verdict = state.rateLimiter.peek(endpoint, now: now)
        let error: OktaError = state.authMode == .notAdmin ? .notAdmin : .notAssigned
        return .respond(finish(answer(error, verdict: verdict, now: now, requestId: requestId)))
      }
      let verdict = state.rateLimiter.take(endpoint, now: now)
      guard verdict.allowed else {
        return .respond(finish(answer(.rateLimited, verdict: verdict, now: now, requestId: requestId)))
      }
      let response: Answer
      do throws(OktaError) {
        let reply = try state.perform(route, request, now: now)
        response = answer(reply, verdict: verdict, now: now, requestId: requestId)
      } catch {
        response = answer(error, verdict: verdict, now: now, requestId: requestId)
      }
      if request.method != "GET", (200..<300).contains(response.status),
        state.faults.draw(for: endpoint, kinds: [.acceptThenDrop]) != nil
      {
        state.statuses[endpoint, default: [:]][SimState.droppedStatus, default: 0] += 1
        return .drop
      }
      if let slow = state.faults.draw(for: endpoint, kinds: [.slow]) {
        return .delayed(finish(response), milliseconds: slow.delayMilliseconds)
      }
      return .respond(finish(response))
    }
    // Serializing happens here, outside the lock, so that big list answers do not hold up other calls.
    switch decided {
    case .respond(let answer): return .respond(answer.response)
    case .delayed(let answer, let milliseconds): return .delayed(answer.response, milliseconds: milliseconds)
    case .reset: return .reset
    case .drop: return .drop
    }
  }

  /// An answer decided under the lock, its body not yet serialized.
  private struct Answer {
    var status: Int
    var body: JSONValue?
    var headers: [(String, String)]

    var response: HTTPResponse {
      var response = HTTPResponse(status: status, headers: headers)
      if let body {
        response.body = body.bytes
        response.headers.insert(("Content-Type", "application/json"), at: 0)
      }
      return response
    }
  }

  /// What to do with a request, decided under the lock.
  private enum Decision {
    case respond(Answer)
    case delayed(Answer, milliseconds: Int)
    case reset
    case drop
  }

  // MARK: - Answers

  private func answer(_ reply: Reply, verdict: RateLimiter.Verdict?, now: Double, requestId: String) -> Answer
  {
    Answer(
      status: reply.status, body: reply.body,
      headers: reply.headers + commonHeaders(verdict: verdict, now: now, requestId: requestId))
  }

  private func answer(_ error: OktaError, verdict: RateLimiter.Verdict?, now: Double, requestId: String)
    -> Answer
  {
    Answer(
      status: error.status, body: error.body(errorId: "oae" + requestId),
      headers: commonHeaders(verdict: verdict, now: now, requestId: requestId))
  }

  private func commonHeaders(verdict: RateLimiter.Verdict?, now: Double, requestId: String) -> [(
    String, String
  )] {
    var headers = [("Date", Timestamp.httpDate(now)), ("X-Okta-Request-Id", requestId)]
    let verdict =
      verdict ?? RateLimiter.Verdict(allowed: true, limit: 0, remaining: 0, reset: Int(now.rounded(.up)) + 60)
    headers += [
      ("X-Rate-Limit-Limit", String(verdict.limit)), ("X-Rate-Limit-Remaining", String(verdict.remaining)),
      ("X-Rate-Limit-Reset", String(verdict.reset)),
    ]
    return headers
  }

  /// Okta-looking request ids (`X-Okta-Request-Id`), unique within a run.
  static func requestID(_ number: Int) -> String {
    var random = SeededRandom(seed: UInt64(number))
    let tail = String((0..<20).map { _ in IDShape.alphanumerics[Int(random.next() % 62)] })
    return "Sim" + tail + String(number, radix: 36)
  }
}
