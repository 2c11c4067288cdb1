import Foundation
import SpecSupport
import Testing

@Suite struct ContractCheckTests {
  let rateHeaders = [
    "X-Rate-Limit-Limit": "600", "X-Rate-Limit-Remaining": "599", "X-Rate-Limit-Reset": "1700000000",
  ]

  @Test func routesLiteralSegmentsBeforeParameters() throws {
    let found = try #require(
      OpenAPISpec.operation(method: "GET", path: "/governance/api/v2/request-settings"))
    #expect(found.operation.id == "getOrgRequestSettingsV2")
    let byId = try #require(
      OpenAPISpec.operation(
        method: "POST", path: "/governance/api/v2/resources/0oa1/request-conditions/rco1/activate?x=1"))
    #expect(byId.operation.id == "activateResourceRequestConditionV2")
    #expect(OpenAPISpec.operation(method: "GET", path: "/api/v1/users/00u1")?.operation.id == "getUser")
  }

  @Test func aConformingErrorAnswerPasses() {
    let body = Data(
      #"{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oae1","errorCauses":[]}"#
        .utf8)
    let problems = ContractCheck.response(
      method: "GET", path: "/governance/api/v2/requests/req1", status: 401, headers: rateHeaders, body: body)
    #expect(problems == [])
  }

  @Test func anUnlistedStatusAMissingHeaderAndABadBodyAreAllReported() {
    let unlisted = ContractCheck.response(
      method: "GET", path: "/governance/api/v2/requests/req1", status: 418, headers: [:], body: Data())
    #expect(unlisted.count == 1 && unlisted[0].contains("status 418"))

    let example = pendingRequestExample()!
    let body = Data(example.value.jsonText.utf8)
    let noHeaders = ContractCheck.response(
      method: "GET", path: "/governance/api/v2/requests/req1", status: 200, headers: [:], body: body)
    #expect(noHeaders.contains { $0.contains("missing header X-Rate-Limit-Remaining") })
    let good = ContractCheck.response(
      method: "GET", path: "/governance/api/v2/requests/req1", status: 200, headers: rateHeaders, body: body)
    #expect(good == [])
    let bad = ContractCheck.response(
      method: "GET", path: "/governance/api/v2/requests/req1", status: 200, headers: rateHeaders,
      body: Data("{}".utf8))
    #expect(bad.contains { $0.contains("missing required property") })
  }

  @Test func requestBodiesAreCheckedAgainstTheRequestSchema() {
    #expect(
      ContractCheck.requestBody(
        operationId: "createRequestV2", body: Data(#"{"requested":{"entryId":"cen1"}}"#.utf8)
      )
      .contains { $0.contains("missing required property 'requestedFor'") })
    #expect(
      ContractCheck.requestBody(operationId: "createRequestV2", body: Data("not json".utf8))
        .contains { $0.contains("not JSON") })
  }
}
