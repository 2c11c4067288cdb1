import Foundation

/// What `--demo` changes before the shell starts: a journal of its own (the demo org is new each run, so
/// a journal bound to an earlier one would be refused) and the shell's clock at the simulator's pace.
enum DemoEnvironment {
  /// Simulated seconds per real second in the demo org: a 10 s wait takes 0.2 s.
  static let timeScale = 50.0

  static func prepare(arguments: [String], environment: [String: String]) -> ([String], [String: String]) {
    guard arguments.contains("--demo") else { return (arguments, environment) }
    var arguments = arguments
    if !arguments.contains("--journal") {
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "oktabulk-demo-\(ProcessInfo.processInfo.processIdentifier)")
      arguments += ["--journal", directory.appendingPathComponent("demo.db").path]
    }
    var environment = environment
    environment["OKTABULK_TIME_SCALE"] = String(timeScale)
    return (arguments, environment)
  }
}
