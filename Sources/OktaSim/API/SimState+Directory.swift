extension SimState {
  static let userSearchFields: Set<String> = [
    "id", "status", "profile.login", "profile.email", "profile.firstName", "profile.lastName", "created",
    "lastUpdated",
  ]

  func getUser(_ key: String) throws(OktaError) -> Reply {
    guard let user = org.user(idOrLogin: key) else { throw .notFound(key, "User") }
    return .ok(rendering.user(user))
  }

  /// `search` (or `filter`) expressions, `q` prefix search, `limit`, `after` — as Okta's users list.
  func listUsers(_ request: HTTPRequest) throws(OktaError) -> Reply {
    var expression: FilterExpression?
    for parameter in ["search", "filter"] {
      guard let text = request.queryValue(parameter), !text.isEmpty else { continue }
      do {
        expression = try FilterExpression.parse(text, fields: Self.userSearchFields)
      } catch {
        throw .invalidSearch("Invalid \(parameter) expression: \(error.message).")
      }
    }
    let q = request.queryValue("q").flatMap { $0.isEmpty ? nil : $0.lowercased() }
    let limit = min(200, max(1, Int(request.queryValue("limit") ?? "") ?? (q == nil ? 200 : 10)))
    var users = org.userOrder.compactMap { org.users[$0] }
    if let expression {
      users = users.filter { user in expression.matches(Self.field(of: user)) }
    } else if let q {
      users = users.filter { user in
        user.isActive
          && [user.login, user.email, user.firstName, user.lastName].contains { $0.lowercased().hasPrefix(q) }
      }
    } else {
      users = users.filter(\.isActive)
    }
    var ids = users.map(\.id)
    if let after = request.queryValue("after"), !after.isEmpty {
      ids = ids.firstIndex(of: after).map { Array(ids[($0 + 1)...]) } ?? []
    }
    let page = try Page.cut(ids, after: nil, limit: limit) { rendering.user(org.users[$0]!) }
    return listReply(page, path: request.path, request: request, wrap: false)
  }

  func getApp(_ id: String) throws(OktaError) -> Reply {
    guard let app = org.apps[id] else { throw .notFound(id, "AppInstance") }
    return .ok(rendering.app(app))
  }

  /// `q` matches the start of the label or name; `limit`, `after`.
  func listApps(_ request: HTTPRequest) throws(OktaError) -> Reply {
    let q = request.queryValue("q").flatMap { $0.isEmpty ? nil : $0.lowercased() }
    let limit = min(200, max(1, Int(request.queryValue("limit") ?? "") ?? 200))
    var ids = org.appOrder.filter { id in
      guard let q else { return true }
      guard let app = org.apps[id] else { return false }
      return app.label.lowercased().hasPrefix(q) || "bookmark".hasPrefix(q)
    }
    if let after = request.queryValue("after"), !after.isEmpty {
      ids = ids.firstIndex(of: after).map { Array(ids[($0 + 1)...]) } ?? []
    }
    let page = try Page.cut(ids, after: nil, limit: limit) { rendering.app(org.apps[$0]!) }
    return listReply(page, path: request.path, request: request, wrap: false)
  }

  private static func field(of user: SimUser) -> (String) -> FilterExpression.FieldValue? {
    { name in
      switch name {
      case "id": return .string(user.id)
      case "status": return .string(user.status)
      case "profile.login": return .string(user.login)
      case "profile.email": return .string(user.email)
      case "profile.firstName": return .string(user.firstName)
      case "profile.lastName": return .string(user.lastName)
      case "created", "lastUpdated": return .date(user.created)
      default: return nil
      }
    }
  }
}
