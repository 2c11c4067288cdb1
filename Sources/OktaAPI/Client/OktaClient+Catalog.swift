import Foundation

extension OktaClient {
  /// Catalog entries. Okta requires a `parent` filter: the default lists top-level entries.
  public func catalogEntries(filter: String = "not(parent pr)", match: String? = nil, pageSize: Int = 200)
    throws(OktaError) -> OktaList<CatalogEntry>
  {
    var query = [
      URLQueryItem(name: "filter", value: filter), URLQueryItem(name: "limit", value: Self.limit(pageSize)),
    ]
    if let match { query.append(URLQueryItem(name: "match", value: match)) }
    return OktaList(
      client: self, first: try url("/governance/api/v2/catalogs/default/entries", query: query),
      format: .dataEnvelope)
  }

  /// One catalog entry (`cen…`).
  public func catalogEntry(_ entryID: String) async throws -> CatalogEntry {
    try await get("/governance/api/v2/catalogs/default/entries/\(Self.segment(entryID))")
  }

  /// A page size within Okta's 1…200.
  static func limit(_ pageSize: Int) -> String { String(min(max(pageSize, 1), 200)) }
}
