import Testing

@testable import OktaSim

@Suite("oktasim command line")
struct CommandLineTests {
  @Test("options become simulator settings")
  func options() throws {
    let command = try SimulatorCommandLine.parse([
      "--port", "8080", "--seed", "7", "--time-scale", "100", "--state", "/tmp/x.json", "--rate-limit", "50",
      "--rate-limit-for", "requests.create=5", "--concurrency", "9", "--capacity", "30",
      "--backlog-threshold", "4",
      "--stuck-chance", "0.25", "--grant-seconds", "2", "--grant-failure-share", "0.1", "--no-demo",
      "--token", "t0k",
      "--fault", "requests.create:acceptThenDrop:0.5:3", "--fault", "*:slow:1::250", "--threads", "2",
    ])
    guard case .run(let options) = command else {
      Issue.record("expected run, got \(command)")
      return
    }
    #expect(options.port == 8080 && options.seed == 7 && options.timeScale == 100)
    #expect(options.stateFile == "/tmp/x.json" && options.defaultRateLimit == 50)
    #expect(options.rateLimits == [.requestsCreate: 5] && options.concurrencyLimit == 9)
    #expect(
      options.processing
        == ProcessingModel(
          capacityPerMinute: 30, backlogThreshold: 4, stuckChance: 0.25, grantSeconds: 2,
          grantFailureShare: 0.1))
    #expect(!options.demoOrg && options.apiToken == "t0k" && options.threads == 2)
    #expect(
      options.faults == [
        FaultRule(endpoint: "requests.create", kind: .acceptThenDrop, share: 0.5, count: 3),
        FaultRule(endpoint: "*", kind: .slow, share: 1, delayMilliseconds: 250),
      ])
  }

  @Test(
    "mistakes are explained",
    arguments: [
      (["--port"], "--port needs a value"),
      (["--port", "x"], "not a valid number"),
      (["--stuck-chance", "2"], "between 0 and 1"),
      (["--rate-limit-for", "nope=1"], "is not ENDPOINT=N"),
      (["--fault", "requests.create"], "is not ENDPOINT:KIND"),
      (["--fault", "requests.create:boom"], "kind"),
      (["--bogus"], "unknown option '--bogus'"),
    ])
  func mistakes(arguments: [String], message: String) {
    do {
      _ = try SimulatorCommandLine.parse(arguments)
      Issue.record("\(arguments) was accepted")
    } catch {
      #expect(error.description.contains(message))
    }
  }

  @Test("--help documents every option the parser takes")
  func help() throws {
    guard case .help = try SimulatorCommandLine.parse(["--help"]) else {
      Issue.record("--help did not ask for help")
      return
    }
    let documented = Set(
      SimulatorCommandLine.usage.split(whereSeparator: { !($0.isLetter || $0 == "-") })
        .filter { $0.hasPrefix("--") }.map(String.init))
    #expect(documented.count == 19)  // --users added for the safety scripts
    for flag in documented where !["--help", "--no-demo"].contains(flag) {
      do {
        _ = try SimulatorCommandLine.parse([flag])
      } catch {
        #expect(error.description.contains("needs a value"), "\(flag): \(error)")
      }
    }
    guard
      case .writeDemoRoster(let path, let seed) = try SimulatorCommandLine.parse([
        "--write-demo-roster", "r.csv",
      ])
    else {
      Issue.record("--write-demo-roster did not ask for the roster")
      return
    }
    #expect(path == "r.csv" && seed == 1)
  }
}
