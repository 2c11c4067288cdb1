import Foundation
import TestSupport
import Testing

/// The built `oktabulk` binary fed hostile input on stdin and on its command line.
@Suite struct BinaryTests {
  /// The `oktabulk` that `swift build --build-tests` puts next to the test bundle.
  static let oktabulk: String = {
    let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return bundle.deletingLastPathComponent().appendingPathComponent("oktabulk").path
  }()

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], stdin: String, in directory: String) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: oktabulk)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = ["HOME": directory, "PATH": "/usr/bin:/bin"]
    process.standardInput = FileHandle(forReadingAtPath: stdin)
    let out = directory + "/stdout"
    let err = directory + "/stderr"
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    _ = FileManager.default.createFile(atPath: err, contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: out)
    process.standardError = FileHandle(forWritingAtPath: err)
    try process.run()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: try String(contentsOfFile: out, encoding: .utf8),
      stderr: try String(contentsOfFile: err, encoding: .utf8))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: BinaryTests.oktabulk)))
  func aFiveMegabyteLineOnStdinIsRefusedAndTheRestStillRuns() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let input = try dir.write(
      "input", "set before 1\n" + String(repeating: "x", count: 5 << 20) + "\r\nset after 2\nset after\n")
    let run = try Self.run(["--on-error", "continue"], stdin: input, in: dir.url.path)
    #expect(run.status == 2)
    #expect(run.stderr == "stdin:2: syntax error: line is longer than 65536 bytes (column 65537)\n")
    #expect(run.stdout == "2\n")
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: BinaryTests.oktabulk)))
  func binaryNoiseOnStdinEndsWithAUsageStatusAndLocatedMessages() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    // Deterministic noise (xorshift), so a failure can be replayed.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let noise = (0..<20_000).map { _ -> UInt8 in
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return UInt8(truncatingIfNeeded: state)
    }
    let input = try dir.write("input", noise)
    let run = try Self.run(["--on-error", "continue"], stdin: input, in: dir.url.path)
    #expect(run.status == 2 || run.status == 1)
    for line in run.stderr.split(separator: "\n") where !line.hasPrefix("usage:") {
      #expect(line.hasPrefix("stdin:"), "\(line)")
      #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" }, "\(line.debugDescription)")
    }
  }
}
