import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One run of a built binary with its output captured.
struct ProcessRun {
  var status: Int32
  var standardOutput: String
  var standardError: String

  /// Runs `executable` with `arguments` and waits for it; `input` nil means stdin is /dev/null.
  static func run(
    _ executable: String, _ arguments: [String], input: String? = nil, directory: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> ProcessRun {
    let child = try ChildProcess(executable, arguments, directory: directory, environment: environment)
    if let input { child.send(input) }
    return child.finish()
  }

  /// The run in the format of the files in `Expected/`.
  var transcript: String {
    "[stdout]\n\(standardOutput)[stderr]\n\(standardError)[exit \(status)]\n"
  }
}
