import Testing

@testable import OktaAPI

@Suite struct OktaErrorMessageTests {
  @Test(arguments: [
    (TransportError.Kind.dns, "cannot resolve the org's host name"),
    (.connectionRefused, "cannot connect (refused or unreachable)"),
    (.tls, "TLS failed"),
    (.timeout, "timed out"),
    (.connectionLost, "connection lost before an answer"),
  ])
  func transportFailuresReadAsOneLine(kind: TransportError.Kind, phrase: String) {
    let error = OktaError(
      .transport(kind), method: .get, path: "/api/v1/users/00u1",
      detail: TransportError(kind, requestSent: false).description)
    #expect(error.message.hasPrefix("GET /api/v1/users/00u1: \(phrase)"))
    #expect(!error.message.contains("\n"))
  }

  @Test func ambiguousOutcomeTellsTheCallerToLookFirst() {
    let error = OktaError(
      .ambiguousOutcome, method: .post, path: "/governance/api/v2/requests", detail: "connection reset")
    #expect(error.isAmbiguousOutcome)
    #expect(error.message.contains("check before sending it again"))
  }

  @Test func errorCausesAppearInTheMessage() {
    let body = OktaErrorBody(
      errorCode: "E0000001", errorSummary: "Api validation failed",
      errorCauses: [.init(errorSummary: "requestedFor.externalId: invalid")])
    let error = OktaError(
      .api, method: .post, path: "/governance/api/v2/requests", status: 400, body: body, requestId: "r1")
    #expect(
      error.message
        == "POST /governance/api/v2/requests: rejected as invalid (HTTP 400): Api validation failed: requestedFor.externalId: invalid [request id r1]"
    )
    #expect(!error.isAmbiguousOutcome)
    #expect(error.isNotFound == false)
  }
}
