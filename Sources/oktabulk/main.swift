import Foundation
import Shell

// Thin entry point: all behaviour lives in Shell. The demo launcher is injected here so that Shell
// never depends on the simulator.
let (arguments, environment) = DemoLaunch.prepare(
  arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
let status = await Oktabulk.main(arguments: arguments, environment: environment, demo: DemoLaunch.launcher)
exit(status.rawValue)
