import Foundation

extension OktaClient {
  /// A user by id (`00u…`) or login (`ada@example.com`).
  public func user(_ idOrLogin: String) async throws -> User {
    try await get("/api/v1/users/\(Self.segment(idOrLogin))")
  }

  /// Users matching an Okta search expression (`profile.login eq "ada@example.com"`).
  public func users(search: String, pageSize: Int = 200) throws(OktaError) -> OktaList<User> {
    let query = [
      URLQueryItem(name: "search", value: search), URLQueryItem(name: "limit", value: Self.limit(pageSize)),
    ]
    return OktaList(client: self, first: try url("/api/v1/users", query: query), format: .bareArray)
  }

  /// An app by id (`0oa…`).
  public func application(_ appID: String) async throws -> Application {
    try await get("/api/v1/apps/\(Self.segment(appID))")
  }

  /// Apps whose name or label starts with `q`.
  public func applications(q: String, pageSize: Int = 200) throws(OktaError) -> OktaList<Application> {
    let query = [URLQueryItem(name: "q", value: q), URLQueryItem(name: "limit", value: Self.limit(pageSize))]
    return OktaList(client: self, first: try url("/api/v1/apps", query: query), format: .bareArray)
  }
}
