import Foundation

extension OktaClient {
  private static func conditionsPath(_ resourceID: String) -> String {
    "/governance/api/v2/resources/\(segment(resourceID))/request-conditions"
  }

  private static func conditionPath(_ resourceID: String, _ conditionID: String) -> String {
    conditionsPath(resourceID) + "/" + segment(conditionID)
  }

  /// Every request condition of a resource (app id `0oa…` or ORN).
  public func requestConditions(resource resourceID: String) throws(OktaError) -> OktaList<RequestCondition> {
    OktaList(client: self, first: try url(Self.conditionsPath(resourceID), query: []), format: .dataEnvelope)
  }

  public func requestCondition(resource resourceID: String, id conditionID: String) async throws
    -> RequestCondition
  {
    try await get(Self.conditionPath(resourceID, conditionID))
  }

  /// Creates a condition; Okta creates it `INACTIVE`. Not retried on an unclear outcome.
  public func createRequestCondition(resource resourceID: String, _ condition: NewRequestCondition)
    async throws
    -> RequestCondition
  {
    try await call(.post, Self.conditionsPath(resourceID), body: condition)
  }

  public func updateRequestCondition(
    resource resourceID: String, id conditionID: String, _ patch: RequestConditionPatch
  ) async throws -> RequestCondition {
    try await call(.patch, Self.conditionPath(resourceID, conditionID), body: patch)
  }

  public func deleteRequestCondition(resource resourceID: String, id conditionID: String) async throws {
    try await callWithoutAnswer(.delete, Self.conditionPath(resourceID, conditionID))
  }

  /// `INACTIVE` → `ACTIVE`; Okta answers 409 from any other state.
  public func activateRequestCondition(resource resourceID: String, id conditionID: String) async throws
    -> RequestCondition
  {
    try await call(
      .post, Self.conditionPath(resourceID, conditionID) + "/activate", body: Optional<JSONValue>.none)
  }

  /// `ACTIVE` → `INACTIVE`; requests already in flight are not affected.
  public func deactivateRequestCondition(resource resourceID: String, id conditionID: String) async throws
    -> RequestCondition
  {
    try await call(
      .post, Self.conditionPath(resourceID, conditionID) + "/deactivate", body: Optional<JSONValue>.none)
  }
}
