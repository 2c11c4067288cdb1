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
  // Self-pipe: the handler only writes a byte to a fixed descriptor (async-signal-safe, any thread), and a
  // thread reading the pipe stops the simulator, which writes the state file. Installed before the URL is
  // printed, so a stop sent any time after that line is never lost.
  var stopPipe: [Int32] = [0, 0]
  guard pipe(&stopPipe) == 0, dup2(stopPipe[1], 200) == 200 else {
    FileHandle.standardError.write(Data("oktasim: cannot set up signal handling\n".utf8))
    exit(1)
  }
  for stopSignal in [SIGINT, SIGTERM] {
    signal(stopSignal) { _ in
      var byte: UInt8 = 1
      _ = write(200, &byte, 1)
    }
  }
  let simulator: OktaSimulator
  do {
    simulator = try OktaSimulator(options: options)
  } catch {
    FileHandle.standardError.write(Data("oktasim: \(error)\n".utf8))
    exit(1)
  }
  let stopReader = stopPipe[0]
  let stopper = Thread {
    var byte: UInt8 = 0
    while read(stopReader, &byte, 1) < 0 && errno == EINTR {}
    simulator.stop()  // writes the state file
    exit(0)
  }
  stopper.start()
  print("oktasim listening on \(simulator.baseURL) token \(simulator.apiToken)")
  fflush(nil)  // flushes every stream; Swift 6 rejects the C global `stdout`
  dispatchMain()
}
