import Foundation
import OktaSim
import Synchronization
import Testing

@testable import OktaAPI

/// The client against oktasim over real HTTP: paging, rate limits on the simulator's clock, faults.
@Suite struct SimulatorTests {
  static let start = 1_900_000_000.0

  /// A frozen simulator (time moves only when the client "sleeps") and a client wired to it.
  struct Harness {
    let sim: OktaSimulator
    let client: OktaClient
    let clock: SimulatorClock
    let wire: WireLog

    init(
      faults: [FaultRule] = [], rateLimits: [SimEndpoint: Int] = [:], policy: RetryPolicy = .default,
      timeout: Duration = .seconds(10)
    ) throws {
      sim = try OktaSimulator(
        options: .init(
          timeScale: 0, startTime: SimulatorTests.start, rateLimits: rateLimits, faults: faults, threads: 2))
      clock = SimulatorClock(sim.clock)
      wire = WireLog(CurlTransport())
      client = try OktaClient(
        orgURL: URL(string: sim.baseURL)!, authenticator: SSWSAuthenticator(token: Secret(sim.apiToken)),
        transport: wire, clock: clock, retryPolicy: policy, requestTimeout: timeout)
    }

    /// `/__sim/calls` statuses of one endpoint: `["200": 1, "dropped": 1]`.
    func statuses(_ endpoint: String) async throws -> [String: Int] {
      let response = try await client.send(.get, "/__sim/calls")
      let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
      let statuses = (json?["statuses"] as? [String: Any])?[endpoint] as? [String: Any] ?? [:]
      return statuses.compactMapValues { ($0 as? NSNumber)?.intValue }
    }

    /// How many requests the org holds for a user and entry.
    func requestCount(user: String, entry: String) async throws -> Int {
      let response = try await client.send(.get, "/__sim/request-counts")
      let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
      let counts = json?["counts"] as? [[String: Any]] ?? []
      return counts.filter { $0["userId"] as? String == user && $0["entryId"] as? String == entry }
        .compactMap { ($0["count"] as? NSNumber)?.intValue }.reduce(0, +)
    }

    /// An active user and the Slack entry (on-behalf allowed in the demo org).
    func userAndEntry() async throws -> (user: String, entry: String) {
      let users = try await client.users(search: #"status eq "ACTIVE""#, pageSize: 5).collect(limit: 1)
      let entries = try await client.catalogEntries().collect()
      let slack = try #require(
        entries.first { $0.name.contains("Slack") || ($0.label ?? "").contains("Slack") })
      return (try #require(users.first).id, slack.id)
    }
  }

  @Test func pagingFollowsLinksAcrossThreeOrMorePages() async throws {
    let harness = try Harness()
    defer { harness.sim.stop() }
    var pages = 0
    var ids = Set<String>()
    for try await page in try harness.client.users(search: #"status eq "ACTIVE""#, pageSize: 100).pages {
      pages += 1
      ids.formUnion(page.items.map(\.id))
    }
    #expect(pages >= 3)
    // Other page sizes see the same users, none twice.
    let small = try await harness.client.users(search: #"status eq "ACTIVE""#, pageSize: 37).collect().map(
      \.id)
    #expect(small.count == Set(small).count)
    #expect(Set(small) == ids)
    #expect(ids.count > 200)
  }

  @Test func rateLimitIsHonouredWithResetAndTheSimulatorsDate() async throws {
    let harness = try Harness(
      faults: [FaultRule(endpoint: "settings.org.get", kind: .storm429, seconds: 20)],
      policy: RetryPolicy(maxRetries: 2, maxBackoff: .seconds(60)))
    defer { harness.sim.stop() }
    let settings = try await harness.client.orgRequestSettings()
    #expect(settings.provisioningStatus != nil)
    // The storm ends 20 simulated seconds after the frozen start: wait Reset − Date + 1 s.
    #expect(harness.clock.sleeps == [.seconds(21)])
    let sent = harness.wire.requests
    #expect(sent.count == 2)
    #expect(sent[0].headers["X-Okta-Retry-For"] == nil)
    let first429 = try #require(harness.wire.responses.first?.headers["X-Okta-Request-Id"])
    #expect(sent[1].headers["X-Okta-Retry-For"] == first429)
    #expect(sent[1].headers["X-Okta-Retry-Count"] == "1")
    #expect(harness.client.rateLimit != nil)
  }

  @Test func serverErrorsAreRetriedForGETButNotPOST() async throws {
    let harness = try Harness(faults: [
      FaultRule(endpoint: "entries.list", kind: .error503, count: 1),
      FaultRule(endpoint: "requests.create", kind: .error500, count: 1),
    ])
    defer { harness.sim.stop() }
    let (user, entry) = try await harness.userAndEntry()
    #expect(try await harness.statuses("entries.list") == ["503": 1, "200": 1])
    await #expect {
      _ = try await harness.client.createRequest(NewAccessRequest(entryID: entry, forUser: user))
    } throws: { error in
      (error as? OktaError)?.status == 500 && (error as? OktaError)?.isAmbiguousOutcome == true
    }
    #expect(try await harness.statuses("requests.create") == ["500": 1])
  }

  @Test func resetConnectionsAreRetriedForGETAndReportedForPOST() async throws {
    let harness = try Harness(faults: [
      FaultRule(endpoint: "users.list", kind: .reset, count: 1),
      FaultRule(endpoint: "requests.create", kind: .reset, count: 1),
    ])
    defer { harness.sim.stop() }
    let (user, entry) = try await harness.userAndEntry()  // its users.list call is reset once, then retried
    await #expect {
      _ = try await harness.client.createRequest(NewAccessRequest(entryID: entry, forUser: user))
    } throws: { error in
      (error as? OktaError)?.kind == .ambiguousOutcome
    }
    #expect(harness.wire.requests.filter { $0.method == .post }.count == 1)
    // The caller now looks before re-sending, as the journal does for rows in doubt.
    let existing = try await harness.client.requests(filter: .requestedFor(user)).collect()
    #expect(existing.isEmpty)
    let created = try await harness.client.createRequest(NewAccessRequest(entryID: entry, forUser: user))
    #expect(created.status == .submitted)
    #expect(try await harness.requestCount(user: user, entry: entry) == 1)
  }

  @Test func postAcceptedThenDroppedOnAUsedConnectionReachesTheServerOnce() async throws {
    let harness = try Harness(faults: [
      FaultRule(endpoint: "requests.create", kind: .acceptThenDrop, count: 1)
    ])
    defer { harness.sim.stop() }
    let (user, entry) = try await harness.userAndEntry()  // GETs leave keep-alive connections behind
    await #expect {
      _ = try await harness.client.createRequest(NewAccessRequest(entryID: entry, forUser: user))
    } throws: { error in
      (error as? OktaError)?.kind == .ambiguousOutcome && "\(error)".contains("outcome unknown")
    }
    #expect(try await harness.statuses("requests.create") == ["dropped": 1])
    #expect(try await harness.requestCount(user: user, entry: entry) == 1)
    let found = try await harness.client.requests(filter: .requestedFor(user) && .status(.submitted))
      .collect()
    #expect(found.count == 1)
  }

  @Test func millisecondTimeoutOnASlowAnswer() async throws {
    let harness = try Harness(
      faults: [FaultRule(endpoint: "settings.org.get", kind: .slow, delayMilliseconds: 600)],
      policy: RetryPolicy(maxRetries: 0), timeout: .milliseconds(120))
    defer { harness.sim.stop() }
    let elapsed = await bestOf {
      let started = ContinuousClock.now
      await #expect {
        _ = try await harness.client.orgRequestSettings()
      } throws: { error in
        (error as? OktaError)?.kind == .transport(.timeout)
      }
      return ContinuousClock.now - started
    }
    #expect(elapsed >= .milliseconds(110))
    #expect(elapsed < .milliseconds(600))
  }

  @Test func cancellingACallReturnsWithin100Milliseconds() async throws {
    let harness = try Harness(faults: [
      FaultRule(endpoint: "settings.org.get", kind: .slow, delayMilliseconds: 3000)
    ])
    defer { harness.sim.stop() }
    let latency = await bestOf {
      let before = harness.wire.requests.count
      let task = Task { try await harness.client.orgRequestSettings() }
      while harness.wire.requests.count == before { try? await Task.sleep(for: .milliseconds(2)) }
      try? await Task.sleep(for: .milliseconds(20))  // let the request reach the server
      let started = ContinuousClock.now
      task.cancel()
      await #expect(throws: CancellationError.self) { _ = try await task.value }
      return ContinuousClock.now - started
    }
    #expect(latency < .milliseconds(100))
  }

  @Test func everyAnswerUpdatesTheRateLimitSnapshot() async throws {
    let harness = try Harness(rateLimits: [.appsList: 5])
    defer { harness.sim.stop() }
    _ = try await harness.client.applications(q: "S").collect()
    let snapshot = try #require(harness.client.rateLimit)
    #expect(snapshot.limit == 5)
    #expect(snapshot.remaining == 4)
    #expect(snapshot.serverDate == Date(timeIntervalSince1970: SimulatorTests.start))
  }
}

/// Time for the client that is the simulator's time: a "sleep" advances the simulator's clock at once.
final class SimulatorClock: OktaClock {
  private let simClock: SimClock
  private let recorded = Mutex<[Duration]>([])

  init(_ simClock: SimClock) { self.simClock = simClock }

  var now: Date { Date(timeIntervalSince1970: simClock.now()) }
  var uptime: ContinuousClock.Instant { .now }

  func sleep(for duration: Duration) async throws {
    try Task.checkCancellation()
    recorded.withLock { $0.append(duration) }
    simClock.advance(by: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
  }

  var sleeps: [Duration] { recorded.withLock { $0 } }
}

/// Records what the client put on the wire (after auth, with retry headers) and what came back.
final class WireLog: HTTPTransport {
  private let inner: any HTTPTransport
  private let log = Mutex<(requests: [HTTPRequest], responses: [HTTPResponse])>(([], []))

  init(_ inner: any HTTPTransport) { self.inner = inner }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    log.withLock { $0.requests.append(request) }
    let response = try await inner.send(request)
    log.withLock { $0.responses.append(response) }
    return response
  }

  var requests: [HTTPRequest] { log.withLock { $0.requests } }
  var responses: [HTTPResponse] { log.withLock { $0.responses } }
}
