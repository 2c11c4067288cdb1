import OktaAPI

/// An answer to a mutating call, with `X-Okta-Request-Id` for the audit trail.
public struct OrgAnswer<Value: Sendable>: Sendable {
  public var value: Value
  public var oktaRequestID: String?

  public init(_ value: Value, oktaRequestID: String?) {
    self.value = value
    self.oktaRequestID = oktaRequestID
  }
}

/// What clone and restore need from the org: a resource's conditions, sequences and request settings.
public protocol GovernanceGateway: Sendable {
  func conditions(resourceID: String) async throws(OrgFailure) -> [RequestCondition]
  func sequences(resourceID: String) async throws(OrgFailure) -> [RequestSequence]
  func settings(resourceID: String) async throws(OrgFailure) -> ResourceRequestSettings
  func createCondition(resourceID: String, _ condition: NewRequestCondition) async throws(OrgFailure)
    -> OrgAnswer<RequestCondition>
  func activateCondition(resourceID: String, id: String) async throws(OrgFailure) -> OrgAnswer<
    RequestCondition
  >
  func deactivateCondition(resourceID: String, id: String) async throws(OrgFailure) -> OrgAnswer<
    RequestCondition
  >
  func deleteCondition(resourceID: String, id: String) async throws(OrgFailure) -> OrgAnswer<Bool>
  func patchCondition(resourceID: String, id: String, _ patch: RequestConditionPatch) async throws(OrgFailure)
    -> OrgAnswer<RequestCondition>
  func patchSettings(resourceID: String, _ patch: ResourceRequestSettingsPatch) async throws(OrgFailure)
    -> OrgAnswer<ResourceRequestSettings>
}

/// What loading a roster needs: users by id or login, catalog entries by id.
public protocol DirectoryGateway: Sendable {
  /// The user, or nil when the org has none with that id or login.
  func user(_ idOrLogin: String) async throws(OrgFailure) -> User?
  /// The entry, or nil when the catalog has none with that id.
  func entry(_ id: String) async throws(OrgFailure) -> CatalogEntry?
}

/// Everything the migration asks of an org.
public typealias MigrationOrg = RequestGateway & GovernanceGateway & DirectoryGateway
