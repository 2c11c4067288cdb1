/// The Okta operations the simulator serves. The raw value names the endpoint in rate limits, faults and call
/// counts (`requests.create`, …).
public enum SimEndpoint: String, CaseIterable, Codable, Sendable {
  case entriesList = "entries.list"
  case entriesGet = "entries.get"
  case entriesRequestFields = "entries.requestFields"
  case userEntriesList = "entries.userList"
  case sequencesDelete = "sequences.delete"
  case orgSettingsGet = "settings.org.get"
  case orgSettingsPatch = "settings.org.patch"
  case requestsList = "requests.list"
  case requestsCreate = "requests.create"
  case requestsGet = "requests.get"
  case requestsMessage = "requests.message"
  case conditionsList = "conditions.list"
  case conditionsCreate = "conditions.create"
  case conditionsGet = "conditions.get"
  case conditionsPatch = "conditions.patch"
  case conditionsDelete = "conditions.delete"
  case conditionsActivate = "conditions.activate"
  case conditionsDeactivate = "conditions.deactivate"
  case sequencesList = "sequences.list"
  case sequencesGet = "sequences.get"
  case resourceSettingsGet = "settings.resource.get"
  case resourceSettingsPatch = "settings.resource.patch"
  case usersList = "users.list"
  case usersGet = "users.get"
  case appsList = "apps.list"
  case appsGet = "apps.get"

  /// Whether the endpoint belongs to the governance API (subject to the access-request admin role).
  var isGovernance: Bool { !rawValue.hasPrefix("users.") && !rawValue.hasPrefix("apps.") }
}

/// A matched request: the endpoint and the path parameters in order.
struct Route: Equatable {
  var endpoint: SimEndpoint
  var parameters: [String]

  private static let table: [(method: String, pattern: [String], endpoint: SimEndpoint)] = [
    ("GET", ["governance", "api", "v2", "catalogs", "default", "entries"], .entriesList),
    ("GET", ["governance", "api", "v2", "catalogs", "default", "entries", "*"], .entriesGet),
    (
      "GET",
      ["governance", "api", "v2", "catalogs", "default", "entries", "*", "users", "*", "request-fields"],
      .entriesRequestFields
    ),
    ("GET", ["governance", "api", "v2", "catalogs", "default", "user", "*", "entries"], .userEntriesList),
    ("DELETE", ["governance", "api", "v2", "request-sequences", "*"], .sequencesDelete),
    ("GET", ["governance", "api", "v2", "request-settings"], .orgSettingsGet),
    ("PATCH", ["governance", "api", "v2", "request-settings"], .orgSettingsPatch),
    ("GET", ["governance", "api", "v2", "requests"], .requestsList),
    ("POST", ["governance", "api", "v2", "requests"], .requestsCreate),
    ("GET", ["governance", "api", "v2", "requests", "*"], .requestsGet),
    ("POST", ["governance", "api", "v2", "requests", "*", "messages"], .requestsMessage),
    ("GET", ["governance", "api", "v2", "resources", "*", "request-conditions"], .conditionsList),
    ("POST", ["governance", "api", "v2", "resources", "*", "request-conditions"], .conditionsCreate),
    ("GET", ["governance", "api", "v2", "resources", "*", "request-conditions", "*"], .conditionsGet),
    ("PATCH", ["governance", "api", "v2", "resources", "*", "request-conditions", "*"], .conditionsPatch),
    ("DELETE", ["governance", "api", "v2", "resources", "*", "request-conditions", "*"], .conditionsDelete),
    (
      "POST", ["governance", "api", "v2", "resources", "*", "request-conditions", "*", "activate"],
      .conditionsActivate
    ),
    (
      "POST", ["governance", "api", "v2", "resources", "*", "request-conditions", "*", "deactivate"],
      .conditionsDeactivate
    ),
    ("GET", ["governance", "api", "v2", "resources", "*", "request-sequences"], .sequencesList),
    ("GET", ["governance", "api", "v2", "resources", "*", "request-sequences", "*"], .sequencesGet),
    ("GET", ["governance", "api", "v2", "resources", "*", "request-settings"], .resourceSettingsGet),
    ("PATCH", ["governance", "api", "v2", "resources", "*", "request-settings"], .resourceSettingsPatch),
    ("GET", ["api", "v1", "users"], .usersList),
    ("GET", ["api", "v1", "users", "*"], .usersGet),
    ("GET", ["api", "v1", "apps"], .appsList),
    ("GET", ["api", "v1", "apps", "*"], .appsGet),
  ]

  /// The route for `method` and `path`; 405 when the path exists with other methods, 404 when it does not.
  static func match(method: String, path: String) -> Result<Route, OktaError> {
    let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    var pathExists = false
    for row in table where row.pattern.count == components.count {
      var parameters: [String] = []
      var matches = true
      for (pattern, component) in zip(row.pattern, components) {
        if pattern == "*" {
          parameters.append(component)
        } else if pattern != component {
          matches = false
          break
        }
      }
      guard matches else { continue }
      pathExists = true
      if row.method == method { return .success(Route(endpoint: row.endpoint, parameters: parameters)) }
    }
    if pathExists { return .failure(.methodNotAllowed) }
    return .failure(.notFound(path, "Endpoint"))
  }
}
