import Foundation
import Testing

@testable import OktaAPI

@Suite struct RetryStateTests {
  let serverNow = Date(timeIntervalSince1970: 1_800_000_000)
  let localNow = Date(timeIntervalSince1970: 1_700_000_000)  // far off: must not be used when Date is sent

  func rateLimited(resetIn seconds: Int, limit: Int = 600, remaining: Int = 0, requestID: String = "req-1")
    -> RetryState.Outcome
  {
    .response(
      status: 429,
      headers: [
        "Date": HTTPDate.format(serverNow),
        "X-Rate-Limit-Limit": String(limit),
        "X-Rate-Limit-Remaining": String(remaining),
        "X-Rate-Limit-Reset": String(Int(serverNow.timeIntervalSince1970) + seconds),
        "X-Okta-Request-Id": requestID,
      ])
  }

  @Test func waitsResetMinusServerDatePlusOneSecond() {
    var state = RetryState(policy: RetryPolicy(maxRetries: 2, maxBackoff: .seconds(60)), idempotent: true)
    #expect(
      state.decide(rateLimited(resetIn: 7), localNow: localNow, jitter: 0.5) == .retry(after: .seconds(8)))
  }

  @Test func usesLocalClockOnlyWithoutDateHeader() {
    var state = RetryState(policy: RetryPolicy(maxBackoff: .seconds(60)), idempotent: true)
    let outcome = RetryState.Outcome.response(
      status: 429, headers: ["X-Rate-Limit-Reset": String(Int(localNow.timeIntervalSince1970) + 3)])
    #expect(state.decide(outcome, localNow: localNow, jitter: 0) == .retry(after: .seconds(4)))
  }

  @Test func capsTheWaitAtMaxBackoff() {
    var state = RetryState(policy: RetryPolicy(maxRetries: 2, maxBackoff: .seconds(5)), idempotent: true)
    #expect(
      state.decide(rateLimited(resetIn: 50), localNow: localNow, jitter: 0) == .retry(after: .seconds(5)))
  }

  @Test func concurrencyLimitBacksOffToo() {
    var state = RetryState(policy: RetryPolicy(maxBackoff: .seconds(60)), idempotent: false)
    let outcome = rateLimited(resetIn: 2, limit: 0, remaining: 0)
    #expect(state.decide(outcome, localNow: localNow, jitter: 0) == .retry(after: .seconds(3)))
  }

  @Test func stopsAfterMaxRetries() {
    var state = RetryState(policy: RetryPolicy(maxRetries: 2), idempotent: true)
    #expect(state.decide(rateLimited(resetIn: 1), localNow: localNow, jitter: 0) != .finish)
    #expect(state.decide(rateLimited(resetIn: 1), localNow: localNow, jitter: 0) != .finish)
    #expect(state.decide(rateLimited(resetIn: 1), localNow: localNow, jitter: 0) == .finish)
    #expect(state.retries == 2)
  }

  @Test func retryHeadersNameTheFirst429AndCount() {
    var state = RetryState(policy: RetryPolicy(maxRetries: 3), idempotent: true)
    #expect(state.retryHeaders.fields.isEmpty)
    _ = state.decide(rateLimited(resetIn: 1, requestID: "first"), localNow: localNow, jitter: 0)
    _ = state.decide(rateLimited(resetIn: 1, requestID: "second"), localNow: localNow, jitter: 0)
    #expect(state.retryHeaders["X-Okta-Retry-For"] == "first")
    #expect(state.retryHeaders["X-Okta-Retry-Count"] == "2")
  }

  @Test(arguments: [500, 502, 503, 504])
  func serverErrorsAreRetriedOnlyWhenIdempotent(status: Int) {
    var get = RetryState(policy: .default, idempotent: true)
    var post = RetryState(policy: .default, idempotent: false)
    #expect(get.decide(.response(status: status, headers: [:]), localNow: localNow, jitter: 0) != .finish)
    #expect(post.decide(.response(status: status, headers: [:]), localNow: localNow, jitter: 0) == .finish)
  }

  @Test func clientErrorsAreFinal() {
    for status in [400, 401, 403, 404, 409] {
      var state = RetryState(policy: .default, idempotent: true)
      #expect(state.decide(.response(status: status, headers: [:]), localNow: localNow, jitter: 0) == .finish)
    }
  }

  @Test func backoffDoublesWithJitterWithinBounds() {
    let policy = RetryPolicy(maxRetries: 4, maxBackoff: .seconds(30), baseDelay: .seconds(1))
    var low = RetryState(policy: policy, idempotent: true)
    var high = RetryState(policy: policy, idempotent: true)
    let lost = RetryState.Outcome.failure(TransportError(.connectionLost, requestSent: true))
    var lows: [Duration] = []
    var highs: [Duration] = []
    for _ in 0..<3 {
      if case .retry(let delay) = low.decide(lost, localNow: localNow, jitter: 0) { lows.append(delay) }
      if case .retry(let delay) = high.decide(lost, localNow: localNow, jitter: 0.999_999) {
        highs.append(delay)
      }
    }
    #expect(lows == [.milliseconds(500), .seconds(1), .seconds(2)])
    #expect(
      zip(highs, [Duration.seconds(1), .seconds(2), .seconds(4)]).allSatisfy {
        abs(($0 - $1) / .milliseconds(1)) < 1
      })
  }

  @Test func transportErrorsOfNonIdempotentCallsAreNeverRetried() {
    var state = RetryState(policy: .default, idempotent: false)
    let lost = RetryState.Outcome.failure(TransportError(.connectionLost, requestSent: true))
    #expect(state.decide(lost, localNow: localNow, jitter: 0) == .finish)
  }

  @Test func permanentTransportErrorsAreNotRetried() {
    for kind in [TransportError.Kind.dns, .tls] {
      var state = RetryState(policy: .default, idempotent: true)
      #expect(
        state.decide(.failure(TransportError(kind, requestSent: false)), localNow: localNow, jitter: 0)
          == .finish)
    }
  }
}
