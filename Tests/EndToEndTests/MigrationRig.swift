import Foundation
import OktaSim

/// An oktasim process, a fresh directory holding the demo roster (`roster.csv`), and the environment that
/// points the built `oktabulk` at them (journal `j.db`). Call `stop()` with `defer`.
struct MigrationRig {
  let sim: SimulatorProcess
  let directory: TemporaryDirectory
  let environment: [String: String]

  init(timeScale: Double = 100, stateFile: Bool = false) throws {
    directory = try TemporaryDirectory()
    sim = try SimulatorProcess(
      timeScale: timeScale, extra: stateFile ? ["--state", directory.path + "/sim.json"] : [])
    try directory.write(OktaSimulator.demoRoster(seed: 1).csv, to: "roster.csv")
    environment = [
      "HOME": directory.path, "OKTA_CLIENT_ORGURL": sim.url, "OKTA_CLIENT_TOKEN": sim.token,
      "OKTABULK_TIME_SCALE": String(timeScale),
    ]
  }

  func stop() {
    sim.stop()
    directory.remove()
  }

  /// The migration up to a loaded roster under the temporary auto-approve condition.
  static let preparation = [
    "connect", "use Salesforce", "clone-condition \"Everyone - manager approval\" --auto-approve",
    "load roster.csv",
  ]

  /// `oktabulk --journal j.db -c LINE…` in the directory, to its end.
  func oktabulk(_ lines: [String]) throws -> ProcessRun {
    try ProcessRun.run(
      BuiltProducts.oktabulk, ["--journal", "j.db"] + lines.flatMap { ["-c", $0] }, directory: directory.url,
      environment: environment)
  }

  /// The same, started and left running (to be killed).
  func start(_ lines: [String]) throws -> ChildProcess {
    try ChildProcess(
      BuiltProducts.oktabulk, ["--journal", "j.db"] + lines.flatMap { ["-c", $0] }, directory: directory.url,
      environment: environment)
  }
}
