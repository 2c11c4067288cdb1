import Foundation
import Migration
import TestSupport
import Testing

@testable import Shell

/// Every malformed command line fails with a located message and a non-zero status, in a script and alone,
/// and leaves the journal as it was.
@MainActor @Suite struct CommandCorpusTests {
  static let script = "corpus.oktabulk"

  @Test func theCorpusHasAtLeastTwoHundredLines() throws {
    let committed = try Corpus.commands()
    let derived = SpecDerivedCases.all()
    #expect(committed.count + derived.count + 2 >= 200, "\(committed.count) + \(derived.count) + 2")
  }

  @Test(arguments: try Corpus.commands())
  func committedLineFailsWithLocatedCause(_ item: Corpus.CommandCase) async throws {
    try await Self.expectFailure(item)
  }

  @Test(arguments: SpecDerivedCases.all())
  func specDerivedLineFailsWithLocatedCause(_ item: Corpus.CommandCase) async throws {
    try await Self.expectFailure(item)
  }

  @Test func aHundredKilobyteLineIsRefusedByLength() async throws {
    try await Self.expectFailure(
      .init(line: "load " + String(repeating: "a", count: 100_000), expect: "line is longer than 65536 bytes")
    )
    try await Self.expectFailure(
      .init(
        line: "set x '" + String(repeating: "é", count: 50_000) + "'",
        expect: "line is longer than 65536 bytes"))
  }

  @Test func aScriptThatSourcesItselfStopsAtTheDepthLimit() async throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let loop = dir.path("loop.oktabulk")
    try dir.write("loop.oktabulk", "# sources itself\nsource \(loop)\n")
    let (status, stderr) = await Self.run(["source \(loop)"])
    #expect(status == .failure)
    #expect(stderr.contains("\(loop):2: \(loop): source nested more than 16 deep"))
    // Two files sourcing each other are caught the same way.
    let a = dir.path("a.oktabulk")
    let b = dir.path("b.oktabulk")
    try dir.write("a.oktabulk", "source \(b)\n")
    try dir.write("b.oktabulk", "set x 1\nsource \(a)\n")
    let (mutual, mutualErrors) = await Self.run(["source \(a)"])
    #expect(mutual == .failure)
    #expect(mutualErrors.contains("source nested more than 16 deep"))
  }

  @Test func sourcingAFileWithHostileBytesReportsItsOwnLine() async throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let latin1 = try dir.write("latin1.oktabulk", [0x73, 0x65, 0x74, 0x20, 0x78, 0x20, 0xE9, 0x0A])
    let (status, stderr) = await Self.run(["source \(latin1)"])
    #expect(status == .failure)
    #expect(stderr.contains("\(latin1): not UTF-8 text"))
    let crlf = try dir.write("crlf.oktabulk", "set a 1\r\nset b 2\r\nsubmit --concurrency 0\r\n")
    let (crlfStatus, crlfErrors) = await Self.run(["source \(crlf)"])
    #expect(crlfStatus == .usage)
    #expect(crlfErrors.contains("\(crlf):3: submit: --concurrency must be 1…75, got 0"))
  }

  /// The whole corpus as one `-f` script with `--on-error continue`: every line is reported with its own
  /// number, the exit status is non-zero, and the journal's rows are untouched.
  @Test func theWholeCorpusAsAScriptReportsEveryLineAndKeepsTheJournal() async throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let journalPath = dir.path("journal.db")
    let journal = try Journal(path: journalPath)
    try journal.addRoster([
      RosterDraft(source: "r.csv", line: 2, userInput: "a@example.com", entryID: "cen1a2b3c4d5e6f7g8h9"),
      RosterDraft(
        source: "r.csv", line: 3, userInput: "00u1a2b3c4d5e6f7g8h9", userID: "00u1a2b3c4d5e6f7g8h9",
        entryID: "cen1a2b3c4d5e6f7g8h9"),
    ])
    let before = try journal.rows()
    journal.close()

    // Lines with a newline cannot live in a script file; they are covered one by one above.
    let lines = (try Corpus.commands() + SpecDerivedCases.all()).map(\.line).filter {
      !$0.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    }
    let path = try dir.write("corpus.oktabulk", lines.joined(separator: "\n") + "\n")
    let output = CapturedOutput()
    let status = await Oktabulk.main(
      arguments: ["--journal", journalPath, "--on-error", "continue", "-f", path], environment: [:],
      demo: nil, output: output)
    #expect(status != .success)
    let reported = Set(
      output.standardError.split(separator: "\n").compactMap { line -> Int? in
        guard line.hasPrefix(path + ":") else { return nil }
        return Int(line.dropFirst(path.count + 1).prefix { $0.isNumber })
      })
    let silent = (1...lines.count).filter { !reported.contains($0) }
    #expect(silent.isEmpty, "lines without a message: \(silent.prefix(10).map { lines[$0 - 1] })")

    let reopened = try Journal(path: journalPath)
    defer { reopened.close() }
    #expect(try reopened.rows() == before)
  }

  // MARK: - Running one line

  static func run(_ lines: [String]) async -> (Shell.ExitStatus, String) {
    let output = CapturedOutput()
    let session = Session(output: output)
    session.interrupt = InterruptFlag()
    var pending = lines[...]
    let status = await ScriptRunner(session: session).run(source: script) { pending.popFirst() }
    return (status, output.standardError)
  }

  static func expectFailure(_ item: Corpus.CommandCase) async throws {
    let (status, stderr) = await run([item.line])
    #expect(status != .success, "accepted: \(item.line.debugDescription)")
    #expect(stderr.hasPrefix(script + ":1: "), "not located: \(stderr.debugDescription)")
    #expect(stderr.contains(item.expect), "expected '\(item.expect)' in \(stderr.debugDescription)")
    // Whatever the line held, what reaches the terminal has no control characters but newlines.
    #expect(
      !stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
  }
}

/// Script files are bounded before they are read.
@MainActor @Suite struct ScriptSizeTests {
  @Test func sourcingADeviceThatNeverEndsStopsAtTheSizeLimit() async throws {
    let (status, stderr) = await CommandCorpusTests.run(["source /dev/zero"])
    #expect(status == .failure)
    #expect(stderr.hasPrefix("corpus.oktabulk:1: /dev/zero: more than the 16 MB a script may have"))
  }

  @Test func aScriptOverTheSizeLimitIsRefusedByName() async throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = try dir.write(
      "huge.oktabulk", [UInt8](repeating: UInt8(ascii: "#"), count: FileAccess.maxTextBytes + 1))
    let output = CapturedOutput()
    let status = await Oktabulk.main(arguments: ["-f", path], environment: [:], demo: nil, output: output)
    #expect(status == .failure)
    #expect(
      output.standardError.contains(
        "\(path): \(FileAccess.maxTextBytes + 1) bytes is more than the 16 MB a script may have"))
  }
}
