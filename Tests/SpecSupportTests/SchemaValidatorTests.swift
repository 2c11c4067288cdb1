import Foundation
import SpecSupport
import Testing

@Suite struct SchemaValidatorTests {
  let spec = OpenAPISpec.governance

  func schema(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(name)")]) }

  func violations(_ json: String, _ name: String, _ direction: SchemaValidator.Direction = .request) throws
    -> [SchemaViolation]
  {
    try SchemaValidator(spec: spec, direction: direction).violations(
      of: JSONValue(text: json), against: schema(name))
  }

  @Test func everyExampleInTheSpecsMatchesItsOwnSchema() throws {
    var checked = 0
    var problems: [String] = []
    var errataSeen = Set<String>()
    for file in OpenAPISpec.File.allCases {
      let spec = try OpenAPISpec(file: file)
      for operation in spec.operations {
        for example in spec.examples(operation) {
          let schema: JSONValue?
          let direction: SchemaValidator.Direction
          if let status = example.status {
            schema = spec.responseSchema(operation, status: status)
            direction = .response
          } else {
            schema = spec.requestSchema(operation)
            direction = .request
          }
          guard let schema else { continue }
          checked += 1
          for violation in SchemaValidator(spec: spec, direction: direction).violations(
            of: example.value, against: schema)
          {
            if let erratum = SpecErrata.explaining(violation) {
              errataSeen.insert(erratum.why)
              continue
            }
            problems.append(
              "\(operation.id) \(example.status.map(String.init) ?? "request") \(example.name): \(violation)")
          }
        }
      }
    }
    #expect(checked > 100)
    #expect(problems == [])
    // Every erratum must still be real, or the list would hide validator regressions.
    #expect(errataSeen == Set(SpecErrata.all.map(\.why)))
  }

  @Test func aValidCreateRequestBodyPasses() throws {
    let body =
      #"{"requested":{"type":"CATALOG_ENTRY","entryId":"cen1234567890abcdefg"},"requestedFor":{"type":"OKTA_USER","externalId":"00u1234567890abcdefg"}}"#
    #expect("cen1234567890abcdefg".count == 20)
    #expect(try violations(body, "request-creatable-2") == [])
  }

  @Test func missingRequiredPropertyIsNamed() throws {
    let found = try violations(
      #"{"requestedFor":{"externalId":"00u1234567890abcdefg"}}"#, "request-creatable-2")
    #expect(found.map(\.description).contains("$: missing required property 'requested'"))
  }

  @Test func wrongTypeIsNamedWithItsPath() throws {
    let found = try violations(
      #"{"requested":{"entryId":42},"requestedFor":{"externalId":"00u1"}}"#, "request-creatable-2")
    #expect(found.contains { $0.path == "$.requested.entryId" && $0.message.contains("expected string") })
  }

  @Test func patternIsEnforced() throws {
    let found = try violations(
      #"{"requested":{"entryId":"cen1"},"requestedFor":{"externalId":"bob@example.com"}}"#,
      "request-creatable-2")
    #expect(found.contains { $0.path == "$.requestedFor.externalId" && $0.message.contains("pattern") })
  }

  @Test func discriminatedOneOfRejectsAnUnknownTagAndChecksTheChosenBranch() throws {
    let unknown = try violations(#"{"type":"NOT_A_TYPE"}"#, "access-duration-settings-creatable")
    #expect(unknown.contains { $0.message.contains("unknown discriminator value 'NOT_A_TYPE'") })
    let extra = try violations(
      #"{"type":"ADMIN_FIXED_DURATION","duration":"P1D","surprise":1}"#, "access-duration-settings-creatable")
    #expect(extra.contains { $0.path == "$.surprise" && $0.message == "property not allowed here" })
  }

  @Test func readOnlyPropertiesAreRefusedInRequestsAndRequiredOnlyInResponses() throws {
    let operation = try #require(OpenAPISpec.operation(id: "getRequestV2"))
    let schema = try #require(operation.spec.responseSchema(operation.operation, status: 200))
    let example = try #require(pendingRequestExample())
    let asResponse = SchemaValidator(spec: spec, direction: .response).violations(
      of: example.value, against: schema)
    #expect(asResponse == [])
    let asRequest = SchemaValidator(spec: spec, direction: .request).violations(
      of: example.value, against: schema)
    #expect(asRequest.contains { $0.message == "readOnly property sent in a request" })
  }

  @Test func enumAndNullAreChecked() throws {
    let operation = try #require(OpenAPISpec.operation(id: "getRequestV2"))
    let schema = try #require(operation.spec.responseSchema(operation.operation, status: 200))
    let example = try #require(pendingRequestExample())
    guard case .object(var members) = example.value else {
      Issue.record("example is not an object")
      return
    }
    members["status"] = .string("FROZEN")
    let found = SchemaValidator(spec: spec, direction: .response).violations(
      of: .object(members), against: schema)
    #expect(found.contains { $0.path == "$.status" && $0.message.contains("is not one of") })
  }

  @Test func dateTimeFormat() {
    #expect(SchemaValidatorDateTimeProbe.valid("2024-05-01T12:00:00Z"))
    #expect(SchemaValidatorDateTimeProbe.valid("2024-05-01T12:00:00.123+02:00"))
    #expect(!SchemaValidatorDateTimeProbe.valid("2024-05-01 12:00"))
  }
}

/// The spec's pending-request example, with its 19-character placeholder entry id (an erratum) made valid.
func pendingRequestExample() -> OpenAPISpec.Example? {
  guard let found = OpenAPISpec.operation(id: "getRequestV2"),
    let example = found.spec.examples(found.operation).first(where: { $0.name == "WhenRequestIsPending" }),
    case .object(var members) = example.value, case .object(var requested)? = members["requested"]
  else { return nil }
  requested["entryId"] = .string("cenp2rjyxK1Js2Fc41d5")
  members["requested"] = .object(requested)
  return OpenAPISpec.Example(status: example.status, name: example.name, value: .object(members))
}

/// Reaches the date-time check through the public validator.
enum SchemaValidatorDateTimeProbe {
  static func valid(_ text: String) -> Bool {
    let spec = OpenAPISpec.governance
    let schema: JSONValue = .object(["type": .string("string"), "format": .string("date-time")])
    return SchemaValidator(spec: spec, direction: .response).violations(of: .string(text), against: schema)
      .isEmpty
  }
}
