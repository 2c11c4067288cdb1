import Foundation
import Testing

/// The committed corpus next to these sources (`Corpus/`), read from the source tree.
enum Corpus {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpus")

  /// One malformed roster and what its report must say.
  struct RosterCase: Decodable, Sendable, CustomTestStringConvertible {
    var file: String
    /// The physical line a message must name; -1 for binary noise, where any line will do.
    var line: Int
    /// A fragment of the cause (empty: any message).
    var expect: String

    var path: String { Corpus.directory.appendingPathComponent("rosters/" + file).path }
    var testDescription: String { file }
  }

  /// One malformed command line and a fragment of the message it must produce.
  struct CommandCase: Decodable, Sendable, CustomTestStringConvertible {
    var line: String
    var expect: String

    var testDescription: String { line.debugDescription.prefix(60) + (line.count > 60 ? "…" : "") }
  }

  static func rosters() throws -> [RosterCase] {
    try decode("rosters.json")
  }

  static func commands() throws -> [CommandCase] {
    try decode("commands.json")
  }

  private static func decode<T: Decodable>(_ name: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
  }
}
