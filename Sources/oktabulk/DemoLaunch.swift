import Foundation
import OktaSim
import Shell

/// `oktabulk --demo`: an in-process oktasim with the demo org, its sample roster in a temp dir, and a
/// walk-through of the migration's steps.
enum DemoLaunch {
  /// Simulated seconds per real second in the demo: a 10 s wait takes 0.2 s.
  static let timeScale = 50.0

  static let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "oktabulk-demo-\(ProcessInfo.processInfo.processIdentifier)")

  /// The command line and environment for a demo run: a journal of its own (the demo org is new each
  /// time) and the shell's clock at the simulator's pace.
  static func prepare(arguments: [String], environment: [String: String]) -> ([String], [String: String]) {
    guard arguments.contains("--demo") else { return (arguments, environment) }
    var arguments = arguments
    if !arguments.contains("--journal") {
      arguments += ["--journal", directory.appendingPathComponent("demo.db").path]
    }
    var environment = environment
    environment["OKTABULK_TIME_SCALE"] = String(timeScale)
    return (arguments, environment)
  }

  static let launcher: DemoLauncher = {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let roster = directory.appendingPathComponent("roster.csv")
    try Data(OktaSimulator.demoRoster(seed: 1).csv.utf8).write(to: roster)
    let sim = try OktaSimulator(options: .init(seed: 1, timeScale: timeScale))
    let walkThrough = """
      demo: a simulated org at \(sim.baseURL) (time runs \(Int(timeScale))x). The migration, step by step:
        connect
        use Salesforce
        show conditions
        clone-condition "Everyone - manager approval" --auto-approve
        load \(roster.path)
        submit
        status --refresh
        export results.csv
        restore
      """
    return DemoOrg(
      orgURL: sim.baseURL, token: sim.apiToken, walkThrough: walkThrough,
      stop: {
        sim.stop()
        try? FileManager.default.removeItem(at: directory)
      })
  }
}
