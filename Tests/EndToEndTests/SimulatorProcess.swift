import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An `oktasim` process on 127.0.0.1 with a free port, stopped by `stop()` (call it with `defer`).
final class SimulatorProcess {
  let process = Process()
  let url: String
  let token: String

  init(timeScale: Double, extra: [String] = []) throws {
    process.executableURL = BuiltProducts.sibling("oktasim")
    process.arguments = ["--port", "0", "--time-scale", String(timeScale)] + extra
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    // First line: "oktasim listening on http://127.0.0.1:PORT token TOKEN".
    var line = Data()
    while let byte = try pipe.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8)
    {
      line += byte
    }
    let words = String(decoding: line, as: UTF8.self).split(separator: " ")
    guard let at = words.firstIndex(of: "on"), let tokenAt = words.firstIndex(of: "token"),
      tokenAt + 1 < words.count
    else {
      process.terminate()
      throw SimulatorStartError(line: String(decoding: line, as: UTF8.self))
    }
    url = String(words[at + 1])
    token = String(words[tokenAt + 1])
  }

  func stop() {
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
  }

  /// A control API answer (`/__sim/…`) as JSON.
  func control(_ path: String) async throws -> [String: Any] {
    let (data, _) = try await URLSession.shared.data(from: URL(string: url + "/__sim/" + path)!)
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }
}

struct SimulatorStartError: Error {
  var line: String
}

extension BuiltProducts {
  /// Another product built next to `oktabulk` (`oktasim`).
  static func sibling(_ name: String) -> URL {
    URL(fileURLWithPath: oktabulk).deletingLastPathComponent().appendingPathComponent(name)
  }
}
