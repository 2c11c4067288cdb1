import Foundation
import Migration
import OktaAPI
import OktaSim
import TestSupport

// scripts/bench-submit: (1) the pace of `submit --concurrency 5 --wait 10` against a time-scaled oktasim,
// compared with the ideal N/5 × (wait + latency); (2) the API calls `status --refresh` makes over 10,000
// requests, counted by the simulator.

struct Options {
  var rows = 100
  var scale = 20.0
  var concurrency = 5
  var wait = 10.0
  var refreshRequests = 10_000

  init(_ arguments: [String]) {
    var iterator = arguments.makeIterator()
    while let flag = iterator.next() {
      let value = iterator.next() ?? ""
      switch flag {
      case "--rows": rows = Int(value) ?? rows
      case "--scale": scale = Double(value) ?? scale
      case "--concurrency": concurrency = Int(value) ?? concurrency
      case "--wait": wait = Double(value) ?? wait
      case "--refresh-requests": refreshRequests = Int(value) ?? refreshRequests
      default:
        FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
        exit(2)
      }
    }
  }
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The simulator's clock as the engine's, so waits scale exactly as the org's time does.

struct Bench {
  let sim: OktaSimulator
  let client: OktaClient
  let clock: SimulatorClock
  let directory: URL
  let journal: Journal
  let service: MigrationService

  init(scale: Double) async throws {
    sim = try OktaSimulator(
      options: .init(timeScale: scale, defaultRateLimit: 10_000_000, concurrencyLimit: 100_000))
    clock = SimulatorClock(clock: sim.clock)
    client = try OktaClient(
      orgURL: URL(string: sim.baseURL)!, authenticator: SSWSAuthenticator(token: Secret(sim.apiToken)),
      clock: clock)
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "submit-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let clock = self.clock
    journal = try Journal(path: directory.appendingPathComponent("bench.db").path, now: { clock.now })
    let app = try await client.applications(q: "Salesforce").collect()[0].id
    service = try MigrationService(
      journal: journal, org: OktaOrg(client: client, resourceID: app), orgURL: sim.baseURL, resourceID: app,
      clock: clock)
  }

  func stop() {
    journal.close()
    sim.stop()
    try? FileManager.default.removeItem(at: directory)
  }

  func calls(_ endpoint: String) async throws -> Int {
    let response = try await client.send(.get, "/__sim/calls")
    let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
    return (object?["calls"] as? [String: Int])?[endpoint] ?? 0
  }

  func resetCalls() async throws { _ = try await client.send(.delete, "/__sim/calls") }
}

func pace(_ options: Options) async throws {
  let bench = try await Bench(scale: options.scale)
  defer { bench.stop() }
  try await bench.service.clone(CloneRequest(source: "Everyone - manager approval"))
  let roster = try RosterReader.parse(Array(OktaSimulator.demoRoster(seed: 1).csv.utf8), file: "roster.csv")
  _ = try await bench.service.load(roster)
  let gateway = TimingGateway(bench.service.org)
  let engine = SubmissionEngine(
    journal: bench.journal, gateway: gateway, clock: bench.clock,
    settings: SubmissionSettings(
      resourceID: bench.service.resourceID, concurrency: options.concurrency, wait: options.wait,
      limit: options.rows))
  let start = ContinuousClock.now
  let outcome = await engine.run()
  let real = seconds(ContinuousClock.now - start)
  let simulated = real * options.scale
  let latency = gateway.meanLatency * options.scale
  let perWorker = (Double(outcome.submitted) / Double(options.concurrency)).rounded(.up)
  let ideal = perWorker * (options.wait + latency)
  print(
    "submit pace: \(outcome.submitted) rows, concurrency \(options.concurrency), wait \(options.wait) s, time scale \(options.scale)"
  )
  print(
    String(
      format: "  mean create latency  %.3f s simulated (%.2f ms real)", latency, gateway.meanLatency * 1000))
  print(String(format: "  ideal  N/%d x (wait + latency) = %.1f s simulated", options.concurrency, ideal))
  print(String(format: "  actual                         %.1f s simulated (%.2f s real)", simulated, real))
  print(String(format: "  deviation from ideal           %+.2f %%", (simulated / ideal - 1) * 100))
}

func refresh(_ options: Options) async throws {
  let bench = try await Bench(scale: 1)
  defer { bench.stop() }
  let users = try await bench.client.users(search: "status eq \"ACTIVE\"").collect()
  let entry = try await bench.client.catalogEntries().collect().first {
    $0.links?.relatedEntity?.targetID == bench.service.resourceID
  }!.id
  // The on-behalf rule applies to the bench as to a migration: allow it first.
  _ = try await bench.client.updateResourceRequestSettings(
    resource: bench.service.resourceID, ResourceRequestSettingsPatch(requestOnBehalfOf: .set(.init())))
  let start = ContinuousClock.now
  // Requests made straight through the client (the org accepts repeats), then journal rows holding them.
  var ids: [(user: String, request: String)] = []
  try await withThrowingTaskGroup(of: (String, String).self) { group in
    var next = 0
    func add() {
      let user = users[next % users.count].id
      next += 1
      group.addTask {
        let request = try await bench.client.createRequest(NewAccessRequest(entryID: entry, forUser: user))
        return (user, request.id)
      }
    }
    for _ in 0..<min(32, options.refreshRequests) { add() }
    while let done = try await group.next() {
      ids.append(done)
      if next < options.refreshRequests { add() }
    }
  }
  let drafts = ids.enumerated().map {
    RosterDraft(source: "bench", line: $0.offset + 2, userInput: "row-\($0.offset)", entryID: entry)
  }
  try bench.journal.addRoster(drafts)
  for (row, pair) in zip(try bench.journal.rows(), ids) {
    try bench.journal.resolve(row.id, userID: pair.user)
    try bench.journal.recordIntent(row.id)
    try bench.journal.recordSubmitted(row.id, requestID: pair.request, status: "SUBMITTED")
  }
  print(
    String(
      format: "status --refresh: %d requests made and journaled in %.1f s", ids.count,
      seconds(ContinuousClock.now - start)))
  bench.sim.clock.advance(by: 600)
  try await bench.resetCalls()
  var clock = ContinuousClock.now
  let first = try await bench.service.refresh()
  let firstCalls = try await bench.calls("requests.list")
  print(
    String(
      format: "  first refresh   %5d API calls (requests.list), %d requests read, %d rows moved, %.2f s",
      firstCalls, first.requestsSeen, first.rowsChanged, seconds(ContinuousClock.now - clock)))
  bench.sim.clock.advance(by: 600)
  try await bench.resetCalls()
  clock = ContinuousClock.now
  let second = try await bench.service.refresh()
  let secondCalls = try await bench.calls("requests.list")
  print(
    String(
      format: "  second refresh  %5d API calls (lastUpdated gt the first), %d requests read, %.2f s",
      secondCalls, second.requestsSeen, seconds(ContinuousClock.now - clock)))
  print("  requests.get calls: \(try await bench.calls("requests.get")) (never one GET per request)")
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
do {
  try await pace(options)
  try await refresh(options)
} catch {
  FileHandle.standardError.write(Data("bench-submit: \(error)\n".utf8))
  exit(1)
}
