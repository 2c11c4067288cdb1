import Foundation

/// One of Okta's OpenAPI descriptions in `spec/`, the contract both the client and the simulator are held to.
public struct OpenAPISpec: Sendable {
  /// The spec files the shell depends on.
  public enum File: String, Sendable, CaseIterable {
    case governance = "governance-access-requests-v2.json"
    case management = "management-users-apps-subset.json"
  }

  /// The whole document.
  public let document: JSONValue
  /// Every operation of the document.
  public let operations: [Operation]

  /// The Access Requests v2 description.
  public static let governance = try! OpenAPISpec(file: .governance)
  /// The Users and Apps subset of the management API.
  public static let management = try! OpenAPISpec(file: .management)
  /// Both descriptions, for lookups by path or operation id.
  public static let all = [governance, management]

  /// The repository's `spec/` folder, found from this source file so tests run from any directory.
  public static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("spec")

  public init(file: File) throws {
    try self.init(data: Data(contentsOf: Self.directory.appendingPathComponent(file.rawValue)))
  }

  public init(data: Data) throws {
    document = try JSONValue(data: data)
    var operations: [Operation] = []
    for (path, item) in document["paths"]?.objectValue ?? [:] {
      for (method, body) in item.objectValue ?? [:] {
        guard Self.methods.contains(method), let id = body["operationId"]?.stringValue else { continue }
        operations.append(Operation(id: id, method: method.uppercased(), pathTemplate: path, body: body))
      }
    }
    self.operations = operations.sorted { $0.id < $1.id }
  }

  private static let methods: Set<String> = ["get", "post", "put", "patch", "delete"]

  /// The operation with this `operationId`, in any of the spec files.
  public static func operation(id: String) -> (spec: OpenAPISpec, operation: Operation)? {
    for spec in all {
      if let operation = spec.operations.first(where: { $0.id == id }) { return (spec, operation) }
    }
    return nil
  }

  /// The operation that serves `method` on a concrete `path` (query string ignored), in any spec file.
  /// A literal segment beats a `{parameter}` one, as servers route.
  public static func operation(method: String, path: String) -> (spec: OpenAPISpec, operation: Operation)? {
    let bare = String(path.split(separator: "?", maxSplits: 1).first ?? "")
    var best: (spec: OpenAPISpec, operation: Operation, literals: Int)?
    for spec in all {
      for operation in spec.operations where operation.method == method.uppercased() {
        guard let literals = operation.matches(path: bare) else { continue }
        if best == nil || literals > best!.literals { best = (spec, operation, literals) }
      }
    }
    return best.map { ($0.spec, $0.operation) }
  }

  /// Follows a local `$ref` such as `#/components/schemas/error`.
  public func resolve(reference: String) -> JSONValue? {
    guard reference.hasPrefix("#/") else { return nil }
    var node: JSONValue? = document
    for part in reference.dropFirst(2).split(separator: "/") {
      let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
      node = node?[key]
    }
    return node
  }

  /// `node` itself, or what its `$ref` points at.
  public func dereference(_ node: JSONValue?) -> JSONValue? {
    var current = node
    var hops = 0
    while let reference = current?["$ref"]?.stringValue, hops < 16 {
      current = resolve(reference: reference)
      hops += 1
    }
    return current
  }

  /// The JSON schema of the request body of `operation`, if it takes one.
  public func requestSchema(_ operation: Operation) -> JSONValue? {
    dereference(operation.body["requestBody"])?["content"]?["application/json"]?["schema"]
  }

  /// The declared response for `status` (falling back to `default`), or nil when the spec does not list it.
  public func response(_ operation: Operation, status: Int) -> JSONValue? {
    let responses = operation.body["responses"]
    return dereference(responses?[String(status)] ?? responses?["default"])
  }

  /// The JSON schema of the `status` response body of `operation`, if the spec gives one.
  public func responseSchema(_ operation: Operation, status: Int) -> JSONValue? {
    response(operation, status: status)?["content"]?["application/json"]?["schema"]
  }

  /// The headers the spec declares for the `status` response: name, whether required, and schema.
  public func responseHeaders(_ operation: Operation, status: Int) -> [ResponseHeader] {
    let headers = response(operation, status: status)?["headers"]?.objectValue ?? [:]
    return headers.keys.sorted().compactMap { name in
      guard let header = dereference(headers[name]) else { return nil }
      return ResponseHeader(
        name: name, required: header["required"]?.boolValue ?? false, schema: header["schema"])
    }
  }

  /// Every example the spec gives for `operation`: request bodies and responses, `$ref`s resolved.
  public func examples(_ operation: Operation) -> [Example] {
    var found: [Example] = []
    if let content = dereference(operation.body["requestBody"])?["content"]?["application/json"] {
      found += examples(in: content, status: nil)
    }
    for (status, response) in operation.body["responses"]?.objectValue ?? [:] {
      guard let content = dereference(response)?["content"]?["application/json"] else { continue }
      found += examples(in: content, status: Int(status))
    }
    return found.sorted { ($0.status ?? 0, $0.name) < ($1.status ?? 0, $1.name) }
  }

  private func examples(in content: JSONValue, status: Int?) -> [Example] {
    var found: [Example] = []
    if let value = content["example"] {
      found.append(Example(status: status, name: "example", value: value))
    }
    for (name, example) in content["examples"]?.objectValue ?? [:] {
      if let value = dereference(example)?["value"] {
        found.append(Example(status: status, name: name, value: value))
      }
    }
    return found
  }

  /// One operation of the spec.
  public struct Operation: Sendable, CustomStringConvertible {
    public let id: String
    public let method: String
    public let pathTemplate: String
    public let body: JSONValue

    /// The status codes the spec lists for this operation.
    public var statuses: [Int] {
      (body["responses"]?.objectValue ?? [:]).keys.compactMap(Int.init).sorted()
    }

    /// The number of literal segments matched, or nil when `path` is not this operation's.
    func matches(path: String) -> Int? {
      let want = pathTemplate.split(separator: "/", omittingEmptySubsequences: true)
      let have = path.split(separator: "/", omittingEmptySubsequences: true)
      guard want.count == have.count else { return nil }
      var literals = 0
      for (template, segment) in zip(want, have) {
        if template.hasPrefix("{") && template.hasSuffix("}") { continue }
        guard template == segment else { return nil }
        literals += 1
      }
      return literals
    }

    public var description: String { "\(method) \(pathTemplate) (\(id))" }
  }

  /// A response header the spec declares.
  public struct ResponseHeader: Sendable {
    public let name: String
    public let required: Bool
    public let schema: JSONValue?
  }

  /// A request or response example from the spec; `status` is nil for a request body.
  public struct Example: Sendable {
    public let status: Int?
    public let name: String
    public let value: JSONValue

    public init(status: Int?, name: String, value: JSONValue) {
      self.status = status
      self.name = name
      self.value = value
    }
  }
}
