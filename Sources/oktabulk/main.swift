import Foundation
import Shell

// Thin entry point: all behaviour lives in Shell. The demo launcher is injected here so that Shell
// never depends on the simulator.
let status = await Oktabulk.main(
  arguments: Array(CommandLine.arguments.dropFirst()),
  environment: ProcessInfo.processInfo.environment,
  demo: nil
)
exit(status.rawValue)
