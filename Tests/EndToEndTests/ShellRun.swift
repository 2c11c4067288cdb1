import Dispatch
import Foundation
import Synchronization

/// One run of the built `oktabulk` binary: its exit status and what it printed.
struct ShellRun {
  var status: Int32
  var stdout: String
  var stderr: String

  /// Runs `oktabulk` with `arguments` in `directory`, with `environment` added to a clean one.
  static func oktabulk(_ arguments: [String], in directory: URL, environment: [String: String]) throws
    -> ShellRun
  {
    let process = Process()
    process.executableURL = BuiltProducts.url("oktabulk")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    // HOME in the temp dir: no ~/.okta/okta.yaml or history of the person running the tests.
    process.environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin"].merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Drain stdout on another thread so neither pipe fills up and blocks the shell.
    let collected = Mutex(Data())
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      let data = out.fileHandleForReading.readDataToEndOfFile()
      collected.withLock { $0 = data }
      done.signal()
    }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    done.wait()
    return ShellRun(
      status: process.terminationStatus, stdout: String(decoding: collected.withLock { $0 }, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
