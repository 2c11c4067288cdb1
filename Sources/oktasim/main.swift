import Dispatch
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
  signal(SIGINT, SIG_IGN)
  signal(SIGTERM, SIG_IGN)
  // The main queue: top-level code is main-actor isolated, and a handler on another queue traps the
  // isolation check (SIGTERM then crashed before the state file was written).
  let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
  for source in sources {
    source.setEventHandler {
      simulator.stop()
      exit(0)
    }
    source.resume()
  }
  // Announced only once a SIGTERM would be handled: a supervisor may stop it right after this line.
  print("oktasim listening on \(simulator.baseURL) token \(simulator.apiToken)")
  fflush(nil)  // flushes every stream; Swift 6 rejects the C global `stdout`
  dispatchMain()
}
