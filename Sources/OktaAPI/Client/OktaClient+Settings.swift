import Foundation

extension OktaClient {
  public func orgRequestSettings() async throws -> OrgRequestSettings {
    try await get("/governance/api/v2/request-settings")
  }

  /// Okta answers the patch with the patched fields only.
  public func updateOrgRequestSettings(_ patch: OrgRequestSettingsPatch) async throws
    -> OrgRequestSettingsPatch
  {
    try await call(.patch, "/governance/api/v2/request-settings", body: patch)
  }

  public func resourceRequestSettings(resource resourceID: String) async throws -> ResourceRequestSettings {
    try await get("/governance/api/v2/resources/\(Self.segment(resourceID))/request-settings")
  }

  public func updateResourceRequestSettings(
    resource resourceID: String, _ patch: ResourceRequestSettingsPatch
  )
    async throws -> ResourceRequestSettings
  {
    try await call(
      .patch, "/governance/api/v2/resources/\(Self.segment(resourceID))/request-settings", body: patch)
  }
}
