import Dispatch
import Foundation
import Synchronization

/// A simulated Okta org (Identity Governance access requests plus the users and apps APIs) served over real
/// HTTP/1.1 on 127.0.0.1.
///
/// ```swift
/// let sim = try OktaSimulator(options: .init(timeScale: 100))
/// defer { sim.stop() }
/// // talk to sim.baseURL with "Authorization: SSWS \(sim.apiToken)"; control it under \(sim.baseURL)/__sim/
/// ```
public final class OktaSimulator: Sendable {
  /// Everything that can be set at start; most of it can be changed at run time through `/__sim/`.
  public struct Options: Sendable {
    /// Port on 127.0.0.1; 0 picks a free one.
    public var port: UInt16 = 0
    /// Seed of the demo org, ids, stuck and fault dice.
    public var seed: UInt64 = 1
    /// Build the demo org (apps, conditions, sequences, users); false = only the admin user.
    public var demoOrg = true
    /// The API token to accept (`Authorization: SSWS <token>`); nil = one derived from the seed.
    public var apiToken: String?
    /// Simulated seconds per real second (100 = a 10 s wait takes 0.1 s; 0 = frozen, move it by hand).
    public var timeScale: Double = 1
    /// Simulated start time (epoch seconds); nil = now, or where the state file left off.
    public var startTime: Double?
    /// Per-minute limit of every endpoint without its own.
    public var defaultRateLimit = 600
    /// Per-minute limits by endpoint.
    public var rateLimits: [SimEndpoint: Int] = [:]
    /// Requests in flight above which calls get 429 (Okta's concurrent-request limit).
    public var concurrencyLimit = 75
    /// Processing capacity, stuck model and grant timing.
    public var processing = ProcessingModel()
    /// Faults in force from the start.
    public var faults: [FaultRule] = []
    /// JSON file that keeps the org across restarts (nil = memory only).
    public var stateFile: String?
    /// Server threads.
    public var threads = 4
    /// Regular users of the demo org (300 by default; more for large rosters, e.g. a 2,000-row soak).
    public var demoUsers = DemoOrg.userCount

    /// Options with the defaults above; name only what differs.
    public init(
      port: UInt16 = 0, seed: UInt64 = 1, demoOrg: Bool = true, apiToken: String? = nil,
      timeScale: Double = 1,
      startTime: Double? = nil, defaultRateLimit: Int = 600, rateLimits: [SimEndpoint: Int] = [:],
      concurrencyLimit: Int = 75, processing: ProcessingModel = ProcessingModel(), faults: [FaultRule] = [],
      stateFile: String? = nil, threads: Int = 4
    ) {
      self.port = port
      self.seed = seed
      self.demoOrg = demoOrg
      self.apiToken = apiToken
      self.timeScale = timeScale
      self.startTime = startTime
      self.defaultRateLimit = defaultRateLimit
      self.rateLimits = rateLimits
      self.concurrencyLimit = concurrencyLimit
      self.processing = processing
      self.faults = faults
      self.stateFile = stateFile
      self.threads = threads
    }
  }

  /// `http://127.0.0.1:PORT` — the org URL to give a client.
  public let baseURL: String
  /// The API token the simulator accepts.
  public let apiToken: String
  /// The bound port.
  public let port: UInt16
  /// The simulator's clock (read it, scale it, advance it).
  public let clock: SimClock

  private let engine: SimEngine
  private let server: HTTPServer
  private let stateFile: StateFile?
  private let saver: Mutex<DispatchSourceTimer?>

  /// Starts the simulator; throws if the port is taken or the state file is unusable.
  public init(options: Options = Options()) throws {
    let token = options.apiToken ?? Self.token(seed: options.seed)
    let file = options.stateFile.map(StateFile.init(path:))
    let saved = try file?.load()
    let clock = SimClock(
      start: options.startTime ?? saved?.savedAt ?? Date().timeIntervalSince1970, timeScale: options.timeScale
    )
    let start = clock.now()
    let seedNow = start
    let fresh: @Sendable () -> SimState = {
      let org =
        options.demoOrg
        ? DemoOrg.build(seed: options.seed, now: seedNow, users: options.demoUsers)
        : Org(seed: options.seed, now: seedNow)
      return SimState(
        org: org, base: "", token: token, model: options.processing,
        rateLimiter: RateLimiter(defaultLimit: options.defaultRateLimit, limits: options.rateLimits),
        concurrencyLimit: options.concurrencyLimit,
        faults: FaultPlan(seed: options.seed, rules: options.faults, now: start))
    }
    var initial = fresh()
    if let saved { initial.org = saved }
    if let file {
      // Write once now, so that an unwritable path is reported at start, not lost in the background.
      do {
        initial.org.savedAt = start
        try file.save(initial.org)
      } catch {
        throw StateFile.LoadError(
          path: file.path, reason: "cannot be written (\(error.localizedDescription))")
      }
    }
    let engine = SimEngine(clock: clock, fresh: fresh, initial: initial)
    let server = HTTPServer(countsInFlight: { !$0.hasPrefix("/__sim") }) { request in engine.handle(request) }
    try server.start(port: options.port, threads: options.threads)
    let base = "http://127.0.0.1:\(server.port)"
    engine.state.withLock { $0.base = base }
    self.baseURL = base
    self.apiToken = token
    self.port = server.port
    self.clock = clock
    self.engine = engine
    self.server = server
    self.stateFile = file
    self.saver = Mutex(nil)
    if let file { startSaving(to: file) }
  }

  /// The id of the admin user who owns the API token (the `requestedBy` of on-behalf requests).
  public var adminUserID: String { engine.state.withLock { $0.org.adminUserId } }

  /// Stops serving (suspended connections are resumed first) and writes the state file one last time.
  public func stop() {
    saver.withLock { timer in
      timer?.cancel()
      timer = nil
    }
    server.stop()
    if let stateFile { flush(to: stateFile, force: true) }
  }

  deinit { stop() }

  /// The demo roster CSV for `seed` and its deliberately bad rows (line numbers, reasons).
  public static func demoRoster(seed: UInt64) -> (csv: String, bad: [DemoRoster.BadRow]) {
    DemoRoster.make(seed: seed)
  }

  /// The token derived from a seed (so that a restarted simulator with the same seed accepts the same token).
  public static func token(seed: UInt64) -> String {
    var random = SeededRandom(seed: seed ^ 0x70CE_0000)
    return "00" + String((0..<40).map { _ in IDShape.alphanumerics[Int(random.next() % 62)] })
  }

  private func startSaving(to file: StateFile) {
    saver.withLock { [engine, clock] slot in
      let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "oktasim.state"))
      timer.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(200))
      timer.setEventHandler { Self.flush(engine: engine, clock: clock, to: file, force: false) }
      timer.resume()
      slot = timer
    }
  }

  private func flush(to file: StateFile, force: Bool) {
    Self.flush(engine: engine, clock: clock, to: file, force: force)
  }

  private static func flush(engine: SimEngine, clock: SimClock, to file: StateFile, force: Bool) {
    let now = clock.now()
    let snapshot = engine.state.withLock { state -> Org? in
      guard state.dirty || force else { return nil }
      state.dirty = false
      state.org.savedAt = now
      return state.org
    }
    guard let snapshot else { return }
    do {
      try file.save(snapshot)
    } catch {
      engine.state.withLock { $0.dirty = true }
    }
  }
}
