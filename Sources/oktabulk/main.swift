import Demo
import Foundation
import Shell

// A crash report shows registers and the memory they point at, which may hold the API token: unless
// the user chose their own SWIFT_BACKTRACE, start again with registers and images left out.
if ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] == nil {
  setenv("SWIFT_BACKTRACE", "registers=none,images=none", 1)
  execv("/proc/self/exe", CommandLine.unsafeArgv)  // returns only on failure: go on as we are
}

let (arguments, environment) = DemoEnvironment.prepare(
  arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
let status = await Oktabulk.main(arguments: arguments, environment: environment, demo: DemoLaunch.launcher)
exit(status.rawValue)
