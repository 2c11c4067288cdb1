import Foundation
import Migration
import Testing

@testable import Shell

/// Every input that ever crashed a harness (`Fuzz/crashes/TARGET-*`, written by scripts/fuzz or kept by
/// hand) stays fixed.
@Suite struct FuzzRegressionTests {
  static let crashes = Corpus.directory.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fuzz/crashes")

  static func inputs(_ target: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: crashes.path)) ?? []
    return names.filter { $0.hasPrefix(target + "-") }.sorted()
  }

  @Test(arguments: inputs("lexer"))
  func lexerInputThatOnceCrashed(_ name: String) throws {
    let bytes = try Data(contentsOf: Self.crashes.appendingPathComponent(name))
    for line in scriptLines(String(decoding: bytes, as: UTF8.self)) {
      #expect(!Redaction.redact(line).isEmpty || line.isEmpty)
      do {
        let words = try Lexer().words(in: line)
        #expect(words.allSatisfy { $0.column >= 1 && $0.column <= line.count })
      } catch {
        #expect(error.column >= 1)
      }
    }
  }

  @Test(arguments: inputs("roster"))
  func rosterInputThatOnceCrashed(_ name: String) throws {
    let bytes = try [UInt8](Data(contentsOf: Self.crashes.appendingPathComponent(name)))
    do {
      let result = try RosterReader.parse(bytes, file: name)
      #expect(result.issues.allSatisfy { $0.description.hasPrefix("\(name):\($0.line): ") })
    } catch {
      #expect(error.description.hasPrefix(name + ":"))
    }
  }
}
