import Foundation
import SpecSupport
import Testing

@testable import OktaAPI

/// The client's models against Okta's own OpenAPI files: every example answer of every operation
/// the client calls decodes, and every body the client writes validates against the request schema.
@Suite struct SpecContractTests {
  typealias Decode = @Sendable (Data) throws -> Void

  static func decoder<T: Decodable>(_ type: T.Type) -> Decode {
    { _ = try JSONDecoder().decode(T.self, from: $0) }
  }

  static func listDecoder<T: Decodable & Sendable>(_ type: T.Type) -> Decode {
    { _ = try PageFormat<T>.dataEnvelope.decode($0) }
  }

  /// The operations the client uses and the model each 2xx answer decodes into.
  static let operations: [String: Decode] = [
    "listAllDefaultEntriesV2": listDecoder(CatalogEntry.self),
    "getCatalogEntryV2": decoder(CatalogEntry.self),
    "listResourceRequestConditionsV2": listDecoder(RequestCondition.self),
    "createResourceRequestConditionV2": decoder(RequestCondition.self),
    "getResourceRequestConditionV2": decoder(RequestCondition.self),
    "updateResourceRequestConditionV2": decoder(RequestCondition.self),
    "activateResourceRequestConditionV2": decoder(RequestCondition.self),
    "deactivateResourceRequestConditionV2": decoder(RequestCondition.self),
    "deleteResourceRequestConditionV2": { _ in },
    "listResourceRequestSequencesV2": listDecoder(RequestSequence.self),
    "getResourceRequestSequenceV2": decoder(RequestSequence.self),
    "getOrgRequestSettingsV2": decoder(OrgRequestSettings.self),
    "updateOrgRequestSettingsV2": decoder(OrgRequestSettingsPatch.self),
    "getRequestSettingsV2": decoder(ResourceRequestSettings.self),
    "updateResourceRequestSettingsV2": decoder(ResourceRequestSettings.self),
    "listAllRequestsV2": listDecoder(AccessRequest.self),
    "createRequestV2": decoder(AccessRequest.self),
    "getRequestV2": decoder(AccessRequest.self),
    "getUser": decoder(User.self),
    "listUsers": decoder([User].self),
    "getApplication": decoder(Application.self),
    "listApplications": decoder([Application].self),
  ]

  @Test(arguments: operations.keys.sorted())
  func everyExampleAnswerDecodes(operationID: String) throws {
    let (spec, operation) = try #require(
      OpenAPISpec.operation(id: operationID), "\(operationID) not in the spec")
    let decode = try #require(Self.operations[operationID])
    for example in spec.examples(operation) {
      guard let status = example.status else { continue }
      let data = Data(example.value.jsonText.utf8)
      do {
        if (200..<300).contains(status) {
          try decode(data)
        } else {
          let body = try JSONDecoder().decode(OktaErrorBody.self, from: data)
          #expect(body.errorCode != nil || body.errorSummary != nil, "\(operation) \(status) \(example.name)")
        }
      } catch {
        Issue.record("\(operation) \(status) example \(example.name): \(error)")
      }
    }
  }

  @Test func examplesExistForTheGovernanceOperations() throws {
    // Guards the test above against silently checking nothing.
    var decoded = 0
    for id in Self.operations.keys {
      guard let (spec, operation) = OpenAPISpec.operation(id: id) else { continue }
      decoded += spec.examples(operation).filter { ($0.status ?? 0) / 100 == 2 }.count
    }
    #expect(decoded >= 60)
  }

  /// Captures the body the client sends for one call.
  func sentBody(_ call: @Sendable (OktaClient) async throws -> Void, answer: String = sampleRequestJSON)
    async throws
    -> Data
  {
    let transport = ScriptedTransport { _ in .json(200, answer) }
    try? await call(try makeClient(transport))
    return try #require(transport.requests.first?.body)
  }

  func expectValid(_ body: Data, _ operationID: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let problems = ContractCheck.requestBody(operationId: operationID, body: body)
    #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
  }

  @Test func createRequestBodyMatchesTheSchema() async throws {
    let body = try await sentBody {
      _ = try await $0.createRequest(
        NewAccessRequest(entryID: "cen1234567890abcdefg", forUser: "00u1234567890abcdefg"))
    }
    expectValid(body, "createRequestV2")
    let json = try SpecSupport.JSONValue(data: body)
    #expect(json["requested"]?["type"]?.stringValue == "CATALOG_ENTRY")
    #expect(json["requestedFor"]?["type"]?.stringValue == "OKTA_USER")
  }

  /// Every condition example Okta gives, mirrored as a new condition, is a valid create body.
  @Test func mirroredConditionsAreValidCreateBodies() async throws {
    let (spec, operation) = try #require(OpenAPISpec.operation(id: "getResourceRequestConditionV2"))
    let examples = spec.examples(operation).filter { $0.status == 200 }
    #expect(examples.count > 10)
    for example in examples {
      let condition = try JSONDecoder().decode(RequestCondition.self, from: Data(example.value.jsonText.utf8))
      // An INVALID condition lost its groups or bundles; Okta would refuse a copy, and so does the shell.
      if condition.status == .invalid { continue }
      let draft = NewRequestCondition(
        mirroring: condition, name: "oktabulk temporary auto-approve",
        approvalSequenceId: "6579ef8b5f9e1e6f2a2a2a2a")
      let body = try await sentBody { _ = try await $0.createRequestCondition(resource: "0oa1", draft) }
      let problems = ContractCheck.requestBody(operationId: "createResourceRequestConditionV2", body: body)
      #expect(problems.isEmpty, "mirroring \(example.name): \(problems)")
    }
  }

  @Test func patchBodiesMatchTheirSchemas() async throws {
    expectValid(
      try await sentBody {
        _ = try await $0.updateRequestCondition(
          resource: "0oa1", id: "rco1", RequestConditionPatch(priority: 0))
      },
      "updateResourceRequestConditionV2")
    expectValid(
      try await sentBody {
        _ = try await $0.updateOrgRequestSettings(OrgRequestSettingsPatch(subprocessorsAcknowledged: true))
      },
      "updateOrgRequestSettingsV2")
    let allow = try await sentBody {
      _ = try await $0.updateResourceRequestSettings(
        resource: "0oa1", ResourceRequestSettingsPatch(requestOnBehalfOf: .set(RequestOnBehalfOfSettings())))
    }
    expectValid(allow, "updateResourceRequestSettingsV2")
    let disallow = try await sentBody {
      _ = try await $0.updateResourceRequestSettings(
        resource: "0oa1", ResourceRequestSettingsPatch(requestOnBehalfOf: .disallow))
    }
    expectValid(disallow, "updateResourceRequestSettingsV2")
    #expect(String(decoding: disallow, as: UTF8.self) == #"{"requestOnBehalfOfSettings":null}"#)
  }

  @Test func activateAndDeactivateSendNoBodyOnAFreshConnection() async throws {
    let transport = ScriptedTransport { _ in .json(200, "{}") }
    let client = try makeClient(transport)
    _ = try? await client.activateRequestCondition(resource: "0oa1", id: "rco1")
    _ = try? await client.deactivateRequestCondition(resource: "0oa1", id: "rco1")
    let sent = transport.requests
    #expect(
      sent.map(\.url.path) == [
        "/governance/api/v2/resources/0oa1/request-conditions/rco1/activate",
        "/governance/api/v2/resources/0oa1/request-conditions/rco1/deactivate",
      ])
    #expect(sent.allSatisfy { $0.method == .post && $0.body == nil && $0.freshConnection })
  }
}
