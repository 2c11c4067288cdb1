import Testing

@testable import OktaSim

@Suite("Lists: filters, ordering, paging")
struct ListTests {
  /// Five requests: three auto-approved on Salesforce, two pending on Slack, created one second apart.
  private func seeded(_ sim: OktaSimulator, _ client: SimClient) throws -> (ids: [String], users: [String]) {
    _ = try client.installAutoApprove(resource: try client.app("Salesforce"))
    let users = try client.activeUsers(5)
    var ids: [String] = []
    for (index, user) in users.enumerated() {
      let entry = try client.entry(of: index < 3 ? "Salesforce" : "Slack")
      ids.append(try client.submit(user: user, entry: entry).json?["id"]?.stringValue ?? "")
      sim.clock.advance(by: 1)
    }
    sim.clock.advance(by: 2)
    return (ids, users)
  }

  @Test("following rel=\"next\" Link headers visits every request once, in creation order")
  func paging() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let (ids, _) = try seeded(sim, client)
    var seen: [String] = []
    var target: String? = "/governance/api/v2/requests?limit=2"
    var pages = 0
    while let next = target {
      let page = try client.get(next)
      #expect(page.status == 200)
      seen += (page.json?["data"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
      let nextLink = page.headers["link"]?.first { $0.hasSuffix("rel=\"next\"") }
      target = nextLink.map { String($0.dropFirst().prefix { $0 != ">" }.dropFirst(sim.baseURL.count)) }
      pages += 1
    }
    #expect(seen == ids)
    #expect(pages == 3)
    let filtered = try client.get(
      "/governance/api/v2/requests?limit=1&filter=\(SimState.percentEncode("status eq \"PENDING\""))")
    let next = filtered.json?["_links"]?["next"]?["href"]?.stringValue ?? ""
    #expect(next.contains("filter=status%20eq%20%22PENDING%22"))
    let second = try client.get(String(next.dropFirst(sim.baseURL.count))).json?["data"]?.arrayValue
    #expect(second?.compactMap { $0["id"]?.stringValue } == [ids[4]])
  }

  @Test("SCIM filters on status, requestedFor, resourceId and lastUpdated, joined by AND")
  func filters() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let (ids, users) = try seeded(sim, client)
    func query(_ filter: String) throws -> [String] {
      let encoded = SimState.percentEncode(filter)
      return try client.get("/governance/api/v2/requests?filter=\(encoded)").json?["data"]?.arrayValue?
        .compactMap { $0["id"]?.stringValue } ?? []
    }
    #expect(try query("status eq \"PENDING\"") == Array(ids[3...]))
    #expect(try query("requestedFor eq \"\(users[1])\"") == [ids[1]])
    let slack = try client.app("Slack")
    #expect(try query("resourceId eq \"\(slack)\" AND status eq \"PENDING\"") == Array(ids[3...]))
    #expect(
      try query("requested.resourceId eq \"\(slack)\" and requestedFor.externalId eq \"\(users[4])\"") == [
        ids[4]
      ])
    let cut = Timestamp.iso(1_800_000_002.5)
    #expect(try query("lastUpdated gt \"\(cut)\"").count == 5)
    #expect(try query("created gt \"\(cut)\"") == Array(ids[3...]))
    let bad = try client.get(
      "/governance/api/v2/requests?filter=\(SimState.percentEncode("status equals PENDING"))")
    #expect(bad.status == 400)
    #expect(bad.json?["errorCode"] == "E0000053")
    let unknownField = try client.get(
      "/governance/api/v2/requests?filter=\(SimState.percentEncode("color eq \"red\""))")
    #expect(unknownField.status == 400)
  }

  @Test("orderBy sorts, limit must be 1-200, after must name a request")
  func orderingAndLimits() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let (ids, _) = try seeded(sim, client)
    let descending = try client.get("/governance/api/v2/requests?orderBy=created%20desc").json?["data"]?
      .arrayValue?
      .compactMap { $0["id"]?.stringValue }
    #expect(descending == ids.reversed())
    for limit in ["0", "201", "x"] {
      let response = try client.get("/governance/api/v2/requests?limit=\(limit)")
      #expect(response.status == 400)
      #expect(response.json?["errorCode"] == "E0000029")
    }
    #expect(try client.get("/governance/api/v2/requests?after=").status == 400)
    #expect(try client.get("/governance/api/v2/requests?after=req00000000000000000").status == 400)
    #expect(try client.get("/governance/api/v2/requests?orderBy=id").status == 400)
    let afterSecond = try client.get("/governance/api/v2/requests?after=\(ids[1])").json?["data"]?.arrayValue?
      .compactMap { $0["id"]?.stringValue }
    #expect(afterSecond == Array(ids[2...]))
  }

  @Test("catalog entries need a filter, match by substring, and a user's list shows what they can request")
  func catalog() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let base = "/governance/api/v2/catalogs/default/entries"
    #expect(try client.get(base).status == 400)
    let all = try client.get("\(base)?filter=not(parent%20pr)").json?["data"]?.arrayValue ?? []
    #expect(
      all.compactMap { $0["name"]?.stringValue } == ["Salesforce", "Slack", "GitHub Enterprise", "Zoom"])
    let matched = try client.get("\(base)?filter=not(parent%20pr)&match=hub").json?["data"]?.arrayValue ?? []
    #expect(matched.compactMap { $0["name"]?.stringValue } == ["GitHub Enterprise"])
    let children = try client.get("\(base)?filter=\(SimState.percentEncode("parent eq \"cen1\""))").json?[
      "data"]
    #expect(children == [])
    let paged = try client.get("\(base)?filter=not(parent%20pr)&limit=3")
    #expect(paged.json?["_links"]?["next"] != nil)
    let user = try client.activeUsers(1)[0]
    let mine = try client.get(
      "/governance/api/v2/catalogs/default/user/\(user)/entries?filter=not(parent%20pr)")
    #expect(mine.json?["data"]?.arrayValue?.count == 4)
  }
}
