import Foundation

/// Checks what went over the wire against the spec: the operation is routed from method and path, then the
/// status must be one the spec lists, the body must match its schema, and every required header must be present
/// and of its schema's type.
public enum ContractCheck {
  /// Every way an answer breaks the spec; empty when it conforms.
  ///
  /// - Parameters:
  ///   - headers: response headers; names are compared case-insensitively.
  public static func response(
    method: String, path: String, status: Int, headers: [String: String], body: Data
  ) -> [String] {
    guard let (spec, operation) = OpenAPISpec.operation(method: method, path: path) else {
      return ["\(method) \(path): no operation in the spec serves this path"]
    }
    guard spec.response(operation, status: status) != nil else {
      return ["\(operation): status \(status) is not one the spec lists (\(operation.statuses))"]
    }
    var problems: [String] = []
    let lowered = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
    for header in spec.responseHeaders(operation, status: status) {
      guard let value = lowered[header.name.lowercased()] else {
        if header.required { problems.append("\(operation) \(status): missing header \(header.name)") }
        continue
      }
      if header.schema?["type"]?.stringValue == "integer", Int64(value) == nil {
        problems.append("\(operation) \(status): header \(header.name) '\(value)' is not an integer")
      }
    }
    if let schema = spec.responseSchema(operation, status: status) {
      problems += validate(body, schema, spec, .response, "\(operation) \(status)")
    } else if !body.isEmpty, status != 204 {
      // A body the spec does not describe is still checked to be JSON, as Okta always answers JSON.
      if (try? JSONValue(data: body)) == nil {
        problems.append("\(operation) \(status): body is not JSON")
      }
    }
    return problems
  }

  /// Every way a request body breaks the operation's request schema; empty when it conforms.
  public static func requestBody(operationId: String, body: Data) -> [String] {
    guard let (spec, operation) = OpenAPISpec.operation(id: operationId) else {
      return ["no operation \(operationId) in the spec"]
    }
    guard let schema = spec.requestSchema(operation) else {
      return ["\(operation) takes no request body"]
    }
    return validate(body, schema, spec, .request, "\(operation) request")
  }

  private static func validate(
    _ body: Data, _ schema: JSONValue, _ spec: OpenAPISpec, _ direction: SchemaValidator.Direction,
    _ label: String
  ) -> [String] {
    let value: JSONValue
    do {
      value = try JSONValue(data: body)
    } catch {
      return ["\(label): body is not JSON: \(String(decoding: body.prefix(200), as: UTF8.self))"]
    }
    return SchemaValidator(spec: spec, direction: direction)
      .violations(of: value, against: schema)
      .map { "\(label): \($0)" }
  }
}
