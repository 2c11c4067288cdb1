import Foundation

extension OktaClient {
  /// Submits an access request (202, `SUBMITTED`).
  ///
  /// Sent on a fresh connection and never re-sent after an unclear outcome: if the connection fails
  /// after the request went out, this throws an ``OktaError`` whose ``OktaError/isAmbiguousOutcome``
  /// is true, and the caller must look (``requests(filter:orderBy:pageSize:after:)``) before trying again.
  /// A 429 is retried: Okta did nothing with the request.
  public func createRequest(_ request: NewAccessRequest) async throws -> AccessRequest {
    try await call(.post, "/governance/api/v2/requests", body: request)
  }

  public func request(_ requestID: String) async throws -> AccessRequest {
    try await get("/governance/api/v2/requests/\(Self.segment(requestID))")
  }

  /// Requests matching `filter`, following every page.
  public func requests(
    filter: RequestFilter? = nil, orderBy: RequestOrder? = nil, pageSize: Int = 200, after: String? = nil
  ) throws(OktaError) -> OktaList<AccessRequest> {
    var query: [URLQueryItem] = []
    if let filter { query.append(URLQueryItem(name: "filter", value: filter.description)) }
    if let orderBy { query.append(URLQueryItem(name: "orderBy", value: orderBy.description)) }
    query.append(URLQueryItem(name: "limit", value: Self.limit(pageSize)))
    if let after { query.append(URLQueryItem(name: "after", value: after)) }
    return OktaList(
      client: self, first: try url("/governance/api/v2/requests", query: query), format: .dataEnvelope)
  }
}
