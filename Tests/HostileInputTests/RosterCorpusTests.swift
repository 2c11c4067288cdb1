import Foundation
import Migration
import TestSupport
import Testing

/// Every malformed roster is reported as `FILE:LINE: cause`, and none crashes or hangs the reader.
@Suite struct RosterCorpusTests {
  @Test func theCorpusHasAtLeastFiftyRosters() throws {
    let cases = try Corpus.rosters()
    #expect(cases.count >= 50)
    for item in cases { #expect(FileManager.default.fileExists(atPath: item.path), "\(item.file)") }
  }

  @Test(arguments: try Corpus.rosters())
  func malformedRosterIsReportedWithFileLineAndCause(_ item: Corpus.RosterCase) {
    let messages = Self.messages(reading: item.path)
    #expect(!messages.isEmpty, "\(item.file) was accepted without a single complaint")
    for message in messages {
      #expect(message.hasPrefix(item.path + ":"), "message does not name the file: \(message)")
    }
    guard item.line >= 0 else { return }
    let located = messages.filter { $0.hasPrefix("\(item.path):\(item.line):") }
    #expect(
      located.contains { $0.localizedCaseInsensitiveContains(item.expect) },
      "expected line \(item.line) and '\(item.expect)' in \(messages)")
  }

  @Test func aFiveMegabyteLineStopsAtTheLineLimit() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let line = Array("user,entryId\n".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 5 << 20) + [10]
    let path = try dir.write("huge-line.csv", line)
    let messages = Self.messages(reading: path)
    #expect(messages == ["\(path):2:65536: line is longer than 65536 bytes; is this a roster file?"])
  }

  @Test func aFiveMegabyteQuotedFieldIsOneBadRow() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let field = "\"" + String(repeating: "x\n", count: 5 << 19) + "\""
    let path = try dir.write(
      "huge-field.csv",
      "user,entryId\n\(field),cen1a2b3c4d5e6f7g8h9\n00u1a2b3c4d5e6f7g8h9,cen1a2b3c4d5e6f7g8h9\n")
    let result = try RosterReader.read(path: path)
    #expect(result.rows.map(\.user.text) == ["00u1a2b3c4d5e6f7g8h9"])
    #expect(result.issues.map(\.description) == ["\(path):2: field 1 is longer than 4096 bytes"])
  }

  @Test func rowsBeyondTheLimitStopTheLoadWithTheLine() throws {
    let rows = (0..<11).map { "user\($0)@example.com,cen1a2b3c4d5e6f7g8h9" }
    let bytes = Array((["user,entryId"] + rows).joined(separator: "\n").utf8)
    let options = RosterOptions(limits: DelimitedLimits(maxRecords: 10))
    #expect(
      throws: RosterIssue(
        file: "r.csv", line: 11, column: 1, reason: "more than 10 rows; split the roster into smaller files")
    ) {
      try RosterReader.parse(bytes, file: "r.csv", options: options)
    }
  }

  @Test func aFileOverTheSizeLimitIsRefusedBeforeReading() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = try dir.write("big.csv", [UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20))
    let options = RosterOptions(limits: DelimitedLimits(maxFileBytes: 2 << 20))
    let messages = Self.messages(reading: path, options: options)
    #expect(messages == ["\(path): \(3 << 20) bytes is more than the 2 MB a roster may have; split it"])
  }

  @Test func aDeviceThatNeverEndsIsReadOnlyUpToTheSizeLimit() {
    let options = RosterOptions(limits: DelimitedLimits(maxFileBytes: 1 << 20))
    #expect(
      Self.messages(reading: "/dev/zero", options: options) == [
        "/dev/zero: more than the 1 MB a roster may have; split it"
      ])
  }

  @Test func aDirectoryOrAMissingFileIsNamedAsSuch() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    #expect(Self.messages(reading: dir.url.path) == ["\(dir.url.path): is a directory, not a roster file"])
    let missing = dir.path("nope.csv")
    #expect(Self.messages(reading: missing) == ["\(missing): no such file"])
  }

  @Test func aGoodRowNextToBadOnesStillLoads() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = try dir.write(
      "mixed.csv",
      Array("user,entryId\n=HYPERLINK(\"x\"),cen1a2b3c4d5e6f7g8h9\n".utf8) + [0x6D, 0xFC]
        + Array(
          "ller@example.com,cen1a2b3c4d5e6f7g8h9\nbob@example.com,cen1a2b3c4d5e6f7g8h9\n".utf8))
    let result = try RosterReader.read(path: path)
    #expect(result.rows.map(\.user.text) == ["bob@example.com"])
    #expect(result.issues.map(\.line) == [2, 3])
  }

  /// Everything a load would print: the whole-file failure, or one line per rejected row.
  static func messages(reading path: String, options: RosterOptions = RosterOptions()) -> [String] {
    do {
      return try RosterReader.read(path: path, options: options).issues.map(\.description)
    } catch {
      return [error.description]
    }
  }
}
