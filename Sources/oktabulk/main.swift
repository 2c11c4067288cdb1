import Foundation
import OktaSim
import Shell

// Thin entry point: all behaviour lives in Shell. The demo launcher is built here so that Shell never
// depends on the simulator.
let demo: DemoLauncher = {
  // Time runs faster in the demo org, so auto-approved requests are granted within seconds.
  let simulator = try OktaSimulator(options: .init(timeScale: DemoEnvironment.timeScale))
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("oktabulk-demo-\(ProcessInfo.processInfo.processIdentifier)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  let roster = directory.appendingPathComponent("roster.csv")
  try OktaSimulator.demoRoster(seed: 1).csv.write(to: roster, atomically: true, encoding: .utf8)
  return DemoOrg(
    orgURL: simulator.baseURL, token: simulator.apiToken,
    walkThrough: """
      Demo org (simulated) at \(simulator.baseURL); its token is set for this session.
      Sample roster: $roster (300 rows for Salesforce, 10 of them bad). Try, in order:
        connect
        use Salesforce
        load $roster
        show conditions
        clone-condition "Everyone - manager approval" --auto-approve
        submit
        status --refresh
        restore
      """,
    variables: ["roster": roster.path]
  ) {
    simulator.stop()
    try? FileManager.default.removeItem(at: directory)
  }
}

let (arguments, environment) = DemoEnvironment.prepare(
  arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
let status = await Oktabulk.main(arguments: arguments, environment: environment, demo: demo)
exit(status.rawValue)
