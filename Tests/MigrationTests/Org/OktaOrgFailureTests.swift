import Foundation
import OktaAPI
import Testing

@testable import Migration

/// How client errors become the failures the engine acts on: what may have been accepted, what pauses the
/// pool, what stops the run.
@Suite struct OktaOrgFailureTests {
  static let rateLimit = RateLimitSnapshot(
    limit: 600, remaining: 0, reset: Date(timeIntervalSince1970: 1_000),
    serverDate: Date(timeIntervalSince1970: 990))

  @Test func anUnclearPostIsInDoubt() {
    let failure = OktaOrg.failure(
      OktaError(.ambiguousOutcome, method: .post, path: "/governance/api/v2/requests"))
    guard case .noAnswer = failure else {
      Issue.record("expected noAnswer, got \(failure)")
      return
    }
    #expect(failure.mayHaveBeenAccepted)
    // A 502 to a POST says nothing about what the backend did either.
    #expect(OktaOrg.failure(OktaError(.api, method: .post, status: 502)).mayHaveBeenAccepted)
  }

  @Test func rateLimitsCarryTheServersResetPlusOneSecond() {
    #expect(
      OktaOrg.failure(OktaError(.rateLimited, rateLimit: Self.rateLimit)) == .rateLimited(retryAfter: 11))
    #expect(OktaOrg.failure(OktaError(.api, status: 429)) == .rateLimited(retryAfter: nil))
  }

  @Test func authorizationFailuresStopTheRunWithTheFix() {
    let revoked = OktaOrg.failure(
      OktaError(
        .api, status: 401, body: OktaErrorBody(errorCode: "E0000011", errorSummary: "Invalid token provided"))
    )
    guard case .unauthorized(401, _) = revoked else {
      Issue.record("expected unauthorized, got \(revoked)")
      return
    }
    #expect(revoked.fix?.contains("OKTA_CLIENT_TOKEN") == true)
    let role = OktaOrg.failure(OktaError(.api, status: 403))
    #expect(role.fix?.contains("Access Requests Admin") == true)
  }

  @Test func otherClientErrorsAreRejectionsWithOktasCode() {
    let failure = OktaOrg.failure(
      OktaError(
        .api, method: .post, status: 400,
        body: OktaErrorBody(errorCode: "E0000001", errorSummary: "Api validation failed")))
    guard case .rejected(400, "E0000001", _) = failure else {
      Issue.record("expected a rejection, got \(failure)")
      return
    }
    #expect(!failure.mayHaveBeenAccepted)
  }

  @Test func transportFailuresBeforeSendingAreSurelyNotDone() {
    let failure = OktaOrg.failure(OktaError(.transport(.connectionRefused), method: .get))
    guard case .unreachable = failure else {
      Issue.record("expected unreachable, got \(failure)")
      return
    }
    #expect(!failure.mayHaveBeenAccepted)
  }

  @Test func oktaTimesParseWithAndWithoutFractions() {
    #expect(OktaOrg.date("2026-12-04T20:00:00Z") == Date(timeIntervalSince1970: 1_796_414_400))
    #expect(OktaOrg.date("2026-12-04T20:00:00.250Z")?.timeIntervalSince1970 == 1_796_414_400.25)
    #expect(OktaOrg.date("yesterday") == nil)
  }
}
