import Foundation
import OktaAPI

/// The migration's view of a real org (or oktasim), over ``OktaClient``.
///
/// Mutating calls go through the client's raw `send` so that `X-Okta-Request-Id` reaches the audit trail;
/// reads use the typed, paged client calls. Every failure becomes an ``OrgFailure``.
public struct OktaOrg: MigrationOrg {
  public let client: OktaClient
  /// The resource requests are listed for.
  public let resourceID: String

  public init(client: OktaClient, resourceID: String) {
    self.client = client
    self.resourceID = resourceID
  }

  // MARK: RequestGateway

  public func createRequest(_ draft: RequestDraft) async throws(OrgFailure) -> CreatedRequest {
    let fields = draft.fields.sorted { $0.key < $1.key }.map {
      NewAccessRequest.FieldValue(id: $0.key, value: $0.value)
    }
    let body = NewAccessRequest(
      entryID: draft.entryID, forUser: draft.userID, fieldValues: fields.isEmpty ? nil : fields)
    let answer: OrgAnswer<AccessRequest> = try await mutate(.post, "/governance/api/v2/requests", body: body)
    return CreatedRequest(request: observe(answer.value), oktaRequestID: answer.oktaRequestID)
  }

  public func request(id: String) async throws(OrgFailure) -> ObservedRequest {
    try await attempt { observe(try await client.request(id)) }
  }

  public func requests(matching query: RequestQuery) async throws(OrgFailure) -> [ObservedRequest] {
    var filter = RequestFilter.resourceID(query.resourceID)
    if let user = query.userID { filter = filter && .requestedFor(user) }
    if let after = query.updatedAfter { filter = filter && .lastUpdated(after: after) }
    return try await attempt {
      try await client.requests(filter: filter, pageSize: 200).collect().map(observe)
    }
  }

  func observe(_ request: AccessRequest) -> ObservedRequest {
    ObservedRequest(
      id: request.id, userID: request.requestedFor.externalId, entryID: request.requested.entryId,
      resourceID: request.requested.resourceId, status: request.status.rawValue,
      grantStatus: request.grantStatus?.rawValue, approvalConditionID: request.approvalConditionID,
      created: OktaOrg.date(request.created) ?? .distantPast,
      lastUpdated: OktaOrg.date(request.lastUpdated ?? request.created))
  }

  // MARK: GovernanceGateway

  public func conditions(resourceID: String) async throws(OrgFailure) -> [RequestCondition] {
    try await attempt { try await client.requestConditions(resource: resourceID).collect() }
  }

  public func sequences(resourceID: String) async throws(OrgFailure) -> [RequestSequence] {
    try await attempt { try await client.requestSequences(resource: resourceID).collect() }
  }

  public func settings(resourceID: String) async throws(OrgFailure) -> ResourceRequestSettings {
    try await attempt { try await client.resourceRequestSettings(resource: resourceID) }
  }

  public func createCondition(resourceID: String, _ condition: NewRequestCondition) async throws(OrgFailure)
    -> OrgAnswer<RequestCondition>
  {
    try await mutate(.post, Self.conditionsPath(resourceID), body: condition)
  }

  public func activateCondition(resourceID: String, id: String) async throws(OrgFailure)
    -> OrgAnswer<RequestCondition>
  {
    try await mutate(
      .post, Self.conditionsPath(resourceID) + "/\(id)/activate", body: Optional<JSONValue>.none)
  }

  public func deactivateCondition(resourceID: String, id: String) async throws(OrgFailure)
    -> OrgAnswer<RequestCondition>
  {
    try await mutate(
      .post, Self.conditionsPath(resourceID) + "/\(id)/deactivate", body: Optional<JSONValue>.none)
  }

  public func deleteCondition(resourceID: String, id: String) async throws(OrgFailure) -> OrgAnswer<Bool> {
    let response = try await attempt {
      try await client.send(.delete, Self.conditionsPath(resourceID) + "/\(id)")
    }
    return OrgAnswer(true, oktaRequestID: response.headers["X-Okta-Request-Id"])
  }

  public func patchCondition(resourceID: String, id: String, _ patch: RequestConditionPatch)
    async throws(OrgFailure)
    -> OrgAnswer<RequestCondition>
  {
    try await mutate(.patch, Self.conditionsPath(resourceID) + "/\(id)", body: patch)
  }

  public func patchSettings(resourceID: String, _ patch: ResourceRequestSettingsPatch)
    async throws(OrgFailure)
    -> OrgAnswer<ResourceRequestSettings>
  {
    try await mutate(.patch, "/governance/api/v2/resources/\(resourceID)/request-settings", body: patch)
  }

  static func conditionsPath(_ resourceID: String) -> String {
    "/governance/api/v2/resources/\(resourceID)/request-conditions"
  }

  // MARK: DirectoryGateway

  public func user(_ idOrLogin: String) async throws(OrgFailure) -> User? {
    try await orNil { try await client.user(idOrLogin) }
  }

  public func entry(_ id: String) async throws(OrgFailure) -> CatalogEntry? {
    try await orNil { try await client.catalogEntry(id) }
  }

  // MARK: Plumbing

  /// A mutating call through the client's audited `answer`, keeping `X-Okta-Request-Id`.
  private func mutate<Body: Encodable & Sendable, Answer: Decodable & Sendable>(
    _ method: HTTPMethod, _ path: String, body: Body?
  ) async throws(OrgFailure) -> OrgAnswer<Answer> {
    let answer = try await attempt { try await client.answer(method, path, body: body, as: Answer.self) }
    return OrgAnswer(answer.value, oktaRequestID: answer.requestID)
  }

  private func attempt<T>(_ body: () async throws -> T) async throws(OrgFailure) -> T {
    do { return try await body() } catch { throw OktaOrg.failure(error) }
  }

  private func orNil<T>(_ body: () async throws -> T) async throws(OrgFailure) -> T? {
    do { return try await body() } catch let error as OktaError where error.isNotFound { return nil } catch {
      throw OktaOrg.failure(error)
    }
  }

  /// Classifies a client error the way the engine acts on it.
  public static func failure(_ error: any Error) -> OrgFailure {
    guard let error = error as? OktaError else {
      if error is CancellationError { return .noAnswer("cancelled") }
      return .unreachable(Redaction.redact("\(error)"))
    }
    if error.isAmbiguousOutcome { return .noAnswer(error.message) }
    switch error.kind {
    case .rateLimited:
      return .rateLimited(retryAfter: error.rateLimit.map { $0.secondsUntilReset(localNow: Date()) + 1 })
    case .transport:
      return .unreachable(error.message)
    case .api:
      let status = error.status ?? 0
      switch status {
      case 401, 403: return .unauthorized(status: status, summary: error.message)
      case 429:
        return .rateLimited(retryAfter: error.rateLimit.map { $0.secondsUntilReset(localNow: Date()) + 1 })
      case 500...: return .serverError(status: status, summary: error.message)
      default: return .rejected(status: status, code: error.errorCode, summary: error.message)
      }
    default:
      return .rejected(status: error.status ?? 0, code: error.errorCode, summary: error.message)
    }
  }

  /// Okta's ISO 8601 times, with or without fractional seconds.
  static func date(_ text: String?) -> Date? {
    guard let text else { return nil }
    if let date = try? Date(text, strategy: .iso8601) { return date }
    return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
  }
}
