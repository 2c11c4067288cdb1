extension SimState {
  func listEntries(_ request: HTTPRequest, userId: String?) throws(OktaError) -> Reply {
    var user: SimUser?
    if let userId {
      guard let found = org.users[userId] else { throw .notFound(userId, "User") }
      user = found
    }
    guard let filterText = request.queryValue("filter"), !filterText.isEmpty else {
      throw .invalidFilter("The filter parameter is required.")
    }
    let filter: FilterExpression
    do {
      filter = try FilterExpression.parse(filterText, fields: ["parent"])
    } catch {
      throw .invalidFilter("Invalid filter syntax: \(error.message).")
    }
    let match = request.queryValue("match")
    if let match, match.count < 3 || match.count > 50 {
      throw .validation(
        "AccessRequestCatalog",
        [
          OktaError.Cause(
            summary:
              "AccessRequestCatalog - String \"\(match)\" is too \(match.count < 3 ? "short" : "long") "
              + "(length: \(match.count), required \(match.count < 3 ? "minimum: 3" : "maximum: 50"))")
        ])
    }
    let limit = try limit(request, fallback: 20)
    let after = try after(request)
    if let after, org.entries[after] == nil {
      throw .paging(
        "The after parameter is not a valid, be sure to use links in response bodies or headers as the source of "
          + "truth for paginated requests containing an after parameter.",
        parameter: "after", reason: "INVALID_AFTER_PARAMETER")
    }
    let ids = org.entryOrder.filter { id in
      guard let entry = org.entries[id] else { return false }
      // Catalog entries here are apps: top level, no parent.
      guard filter.matches({ _ in nil }) else { return false }
      if let match {
        let needle = match.lowercased()
        guard entry.name.lowercased().contains(needle) || entry.description.lowercased().contains(needle)
        else {
          return false
        }
      }
      if let user { return org.decidingCondition(resourceId: entry.resourceId, user: user) != nil }
      return true
    }
    let page = try Page.cut(ids, after: after, limit: limit) { rendering.entry(org.entries[$0]!) }
    return listReply(page, path: request.path, request: request, wrap: true)
  }

  func getEntry(_ id: String) throws(OktaError) -> Reply {
    guard let entry = org.entries[id] else { throw .notFound(id, "CatalogEntry") }
    return .ok(rendering.entry(entry))
  }

  func requestFields(entryId: String, userId: String) throws(OktaError) -> Reply {
    guard org.entries[entryId] != nil else { throw .notFound(entryId, "CatalogEntry") }
    guard org.users[userId] != nil else { throw .notFound(userId, "User") }
    return .ok(["data": []])
  }
}
