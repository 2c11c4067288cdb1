/// What the submission engine needs from the org: create, read, and list access requests.
///
/// Implemented over `OktaClient` for real use and by fakes in tests; list calls page internally
/// (the `Link` header) and return every match.
public protocol RequestGateway: Sendable {
  /// `POST /governance/api/v2/requests` on the user's behalf.
  func createRequest(_ draft: RequestDraft) async throws(OrgFailure) -> CreatedRequest
  /// `GET /governance/api/v2/requests/{id}`.
  func request(id: String) async throws(OrgFailure) -> ObservedRequest
  /// `GET /governance/api/v2/requests?filter=…`, all pages.
  func requests(matching query: RequestQuery) async throws(OrgFailure) -> [ObservedRequest]
}
