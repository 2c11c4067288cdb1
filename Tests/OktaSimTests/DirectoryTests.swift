import Testing

@testable import OktaSim

@Suite("Users and apps")
struct DirectoryTests {
  @Test("a user is found by id, login, or unambiguous short login")
  func userLookup() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let first = try client.get("/api/v1/users?limit=1").json?.arrayValue?.first
    let id = first?["id"]?.stringValue ?? ""
    let login = first?["profile"]?["login"]?.stringValue ?? ""
    #expect(try client.get("/api/v1/users/\(id)").json?["id"]?.stringValue == id)
    #expect(try client.get("/api/v1/users/\(login)").json?["id"]?.stringValue == id)
    #expect(try client.get("/api/v1/users/\(login.uppercased())").json?["id"]?.stringValue == id)
    let short = String(login.split(separator: "@")[0])
    #expect(try client.get("/api/v1/users/\(short)").json?["id"]?.stringValue == id)
    let missing = try client.get("/api/v1/users/nobody@example.com")
    #expect(missing.status == 404)
    #expect(missing.json?["errorCode"] == "E0000007")
  }

  @Test("search finds deactivated users too; plain lists and q show active users only")
  func search() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let all = try client.get("/api/v1/users?limit=200").json?.arrayValue ?? []
    #expect(all.count == 200)
    #expect(all.allSatisfy { $0["status"] == "ACTIVE" })
    let second =
      try client.get("/api/v1/users?limit=200&after=\(all.last?["id"]?.stringValue ?? "")").json?
      .arrayValue ?? []
    #expect(all.count + second.count == 295)  // 300 users + admin - 6 deactivated
    let deactivated = try client.get(
      "/api/v1/users?search=\(SimState.percentEncode("status eq \"DEPROVISIONED\""))")
    #expect(deactivated.json?.arrayValue?.count == 6)
    let login = all[5]["profile"]?["login"]?.stringValue ?? ""
    let byLogin = try client.get(
      "/api/v1/users?search=\(SimState.percentEncode("profile.login eq \"\(login)\""))")
    #expect(
      byLogin.json?.arrayValue?.compactMap { $0["id"]?.stringValue } == [all[5]["id"]?.stringValue ?? ""])
    let prefix = try client.get("/api/v1/users?q=ada").json?.arrayValue ?? []
    #expect(!prefix.isEmpty && prefix.count <= 10)
    #expect(
      try client.get("/api/v1/users?search=\(SimState.percentEncode("profile.login eq"))").status == 400)
    let paged = try client.get("/api/v1/users?limit=2")
    #expect(paged.headers["link"]?.contains { $0.hasSuffix("rel=\"next\"") } == true)
  }

  @Test("apps are found by id and by label prefix")
  func apps() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let apps = try client.get("/api/v1/apps").json?.arrayValue ?? []
    #expect(
      apps.compactMap { $0["label"]?.stringValue } == ["Salesforce", "Slack", "GitHub Enterprise", "Zoom"])
    let slack = try client.get("/api/v1/apps?q=sl").json?.arrayValue ?? []
    #expect(slack.compactMap { $0["label"]?.stringValue } == ["Slack"])
    let id = slack.first?["id"]?.stringValue ?? ""
    #expect(try client.get("/api/v1/apps/\(id)").json?["label"] == "Slack")
    #expect(try client.get("/api/v1/apps/0oa00000000000000000").status == 404)
  }
}
