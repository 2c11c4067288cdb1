/// The `oktasim` command line: options to `OktaSimulator.Options`, and the usage text.
public enum SimulatorCommandLine {
  /// What the command line asks for.
  public enum Command: Sendable {
    case run(OktaSimulator.Options)
    case writeDemoRoster(path: String, seed: UInt64)
    case help
  }

  /// A command-line mistake, worded for the user.
  public struct UsageError: Error, CustomStringConvertible, Equatable {
    /// The message, without the program name.
    public var description: String
  }

  /// The `--help` text.
  public static let usage = """
    usage: oktasim [options]

    A simulated Okta org (Identity Governance access requests, users, apps) on 127.0.0.1.
    The first line printed is: oktasim listening on URL token TOKEN

    options:
      --port N                     port on 127.0.0.1; 0 picks a free one (default 0)
      --seed N                     seed of the demo org, ids and dice (default 1)
      --token TOKEN                API token to accept (default: derived from the seed)
      --no-demo                    start with an empty org (only the admin user)
      --users N                    regular users of the demo org (default 300)
      --time-scale K               simulated seconds per real second (default 1; 100 runs 100x faster)
      --state FILE                 keep the org in FILE across restarts (JSON, saved every 0.2 s and on exit)
      --rate-limit N               per-minute limit of every endpoint (default 600)
      --rate-limit-for ENDPOINT=N  per-minute limit of one endpoint, e.g. requests.create=100 (repeatable)
      --concurrency N              concurrent requests before 429 (default 75)
      --capacity N                 requests the org processes per simulated minute (default 60)
      --backlog-threshold N        waiting requests from which new ones may get stuck (default 10)
      --stuck-chance P             chance (0-1) that a request over the threshold sticks (default 0.5)
      --grant-seconds S            simulated seconds from approval to grant (default 5)
      --grant-failure-share P      share (0-1) of grants that end FAILED (default 0)
      --fault SPEC                 ENDPOINT:KIND[:SHARE[:COUNT[:DELAY_MS]]] (repeatable); ENDPOINT is a name
                                   such as requests.create or *, KIND one of error500, error503, reset, slow,
                                   acceptThenDrop, storm429, error429 (for storm429 DELAY_MS is unused; it lasts 60 s)
      --threads N                  server threads (default 4)
      --write-demo-roster PATH     write the demo org's sample roster (for --seed) to PATH, print its bad
                                   rows (line,user,reason) and exit
      --help                       show this help

    endpoints: \(SimEndpoint.allCases.map(\.rawValue).joined(separator: ", "))
    control API: GET <URL>/__sim/ lists it (state, request-counts, calls, approve/deny, faults, clock, auth,
    limits, reset).
    """

  /// Reads the arguments (without the program name).
  public static func parse(_ arguments: [String]) throws(UsageError) -> Command {
    var options = OktaSimulator.Options()
    var rosterPath: String?
    var index = 0
    func value(_ flag: String) throws(UsageError) -> String {
      index += 1
      guard index < arguments.count else { throw UsageError(description: "\(flag) needs a value") }
      return arguments[index]
    }
    func number<T: LosslessStringConvertible>(_ flag: String, _: T.Type) throws(UsageError) -> T {
      let text = try value(flag)
      guard let parsed = T(text) else {
        throw UsageError(description: "\(flag): '\(text)' is not a valid number")
      }
      return parsed
    }
    func share(_ flag: String) throws(UsageError) -> Double {
      let parsed = try number(flag, Double.self)
      guard (0...1).contains(parsed) else { throw UsageError(description: "\(flag) must be between 0 and 1") }
      return parsed
    }
    while index < arguments.count {
      let flag = arguments[index]
      switch flag {
      case "--help", "-h": return .help
      case "--port": options.port = try number(flag, UInt16.self)
      case "--seed": options.seed = try number(flag, UInt64.self)
      case "--token":
        let token = try value(flag)
        guard !token.isEmpty, !token.contains(where: \.isWhitespace) else {
          throw UsageError(description: "--token must be non-empty without spaces")
        }
        options.apiToken = token
      case "--no-demo": options.demoOrg = false
      case "--users":
        options.demoUsers = try number(flag, Int.self)
        guard options.demoUsers >= 11 else { throw UsageError(description: "--users must be >= 11") }
      case "--time-scale":
        options.timeScale = try number(flag, Double.self)
        guard options.timeScale >= 0, options.timeScale <= SimClock.maximumScale else {
          throw UsageError(description: "--time-scale must be between 0 and \(Int(SimClock.maximumScale))")
        }
      case "--state": options.stateFile = try value(flag)
      case "--rate-limit": options.defaultRateLimit = try number(flag, Int.self)
      case "--rate-limit-for":
        let text = try value(flag)
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let endpoint = SimEndpoint(rawValue: parts[0]), let limit = Int(parts[1]),
          limit >= 0
        else {
          throw UsageError(
            description: "--rate-limit-for: '\(text)' is not ENDPOINT=N (endpoints: "
              + SimEndpoint.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        options.rateLimits[endpoint] = limit
      case "--concurrency":
        options.concurrencyLimit = try number(flag, Int.self)
        guard options.concurrencyLimit >= 1 else {
          throw UsageError(description: "--concurrency must be >= 1")
        }
      case "--capacity":
        options.processing.capacityPerMinute = try number(flag, Double.self)
        guard options.processing.capacityPerMinute > 0 else {
          throw UsageError(description: "--capacity must be > 0")
        }
      case "--backlog-threshold": options.processing.backlogThreshold = try number(flag, Int.self)
      case "--stuck-chance": options.processing.stuckChance = try share(flag)
      case "--grant-seconds": options.processing.grantSeconds = try number(flag, Double.self)
      case "--grant-failure-share": options.processing.grantFailureShare = try share(flag)
      case "--fault": options.faults.append(try fault(try value(flag)))
      case "--threads": options.threads = max(1, try number(flag, Int.self))
      case "--write-demo-roster": rosterPath = try value(flag)
      default: throw UsageError(description: "unknown option '\(flag)' (see --help)")
      }
      index += 1
    }
    if let rosterPath { return .writeDemoRoster(path: rosterPath, seed: options.seed) }
    return .run(options)
  }

  /// `ENDPOINT:KIND[:SHARE[:COUNT[:DELAY_MS]]]`.
  static func fault(_ spec: String) throws(UsageError) -> FaultRule {
    let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard (2...5).contains(parts.count) else {
      throw UsageError(description: "--fault: '\(spec)' is not ENDPOINT:KIND[:SHARE[:COUNT[:DELAY_MS]]]")
    }
    var json: [String: JSONValue] = ["endpoint": .string(parts[0]), "kind": .string(parts[1])]
    if parts.count > 2 {
      guard let share = Double(parts[2]) else {
        throw UsageError(description: "--fault: share '\(parts[2])' is not a number")
      }
      json["share"] = .number(share)
    }
    if parts.count > 3, !parts[3].isEmpty {
      guard let count = Int(parts[3]) else {
        throw UsageError(description: "--fault: count '\(parts[3])' is not a number")
      }
      json["count"] = .number(Double(count))
    }
    if parts.count > 4 {
      guard let delay = Int(parts[4]) else {
        throw UsageError(description: "--fault: delay '\(parts[4])' is not a number")
      }
      json["delayMs"] = .number(Double(delay))
    }
    do {
      return try FaultRule(json: .object(json))
    } catch {
      throw UsageError(description: "--fault: \(error.message)")
    }
  }
}
