import Foundation
import OktaSim

// Thin entry point: parse, start, print the URL and token, serve until SIGINT/SIGTERM.
let command: SimulatorCommandLine.Command
do {
  command = try SimulatorCommandLine.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
  FileHandle.standardError.write(Data("oktasim: \(error)\n".utf8))
  exit(2)
}

// Block the stop signals in this thread before the server's threads exist; `sigwait` below takes them.
var stopSignals = sigset_t()
sigemptyset(&stopSignals)
sigaddset(&stopSignals, SIGINT)
sigaddset(&stopSignals, SIGTERM)
pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

switch command {
case .help:
  print(SimulatorCommandLine.usage)
case .writeDemoRoster(let path, let seed):
  let roster = OktaSimulator.demoRoster(seed: seed)
  do {
    try roster.csv.write(toFile: path, atomically: true, encoding: .utf8)
  } catch {
    FileHandle.standardError.write(
      Data("oktasim: cannot write \(path): \(error.localizedDescription)\n".utf8))
    exit(1)
  }
  print("line,user,reason")
  for row in roster.bad { print("\(row.line),\"\(row.user)\",\(row.reason)") }
case .run(let options):
  let simulator: OktaSimulator
  do {
    simulator = try OktaSimulator(options: options)
  } catch {
    FileHandle.standardError.write(Data("oktasim: \(error)\n".utf8))
    exit(1)
  }
  print("oktasim listening on \(simulator.baseURL) token \(simulator.apiToken)")
  fflush(nil)  // flushes every stream; Swift 6 rejects the C global `stdout`
  // SIGINT/SIGTERM were blocked before any thread started (so every thread inherits the block); wait for one
  // here, then stop cleanly: suspended connections resumed, state file written.
  var received: Int32 = 0
  sigwait(&stopSignals, &received)
  simulator.stop()
  exit(0)
}
