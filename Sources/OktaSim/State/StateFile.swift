import Foundation

/// Saves and loads the org as JSON, so that a restarted simulator continues where it stopped.
struct StateFile: Sendable {
  /// Why a state file cannot be used.
  struct LoadError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): not a usable oktasim state file: \(reason)" }
  }

  var path: String

  /// The org stored in the file, or nil if there is no file yet.
  func load() throws(LoadError) -> Org? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LoadError(path: path, reason: "cannot be read")
    }
    do {
      _ = try JSONParser.parse(Array(data))
    } catch {
      throw LoadError(path: path, reason: "invalid JSON at \(error)")
    }
    do {
      return try JSONDecoder().decode(Org.self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
      throw LoadError(path: path, reason: "missing \(Self.where(context.codingPath + [key]))")
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
      let DecodingError.dataCorrupted(context)
    {
      throw LoadError(path: path, reason: "unexpected value at \(Self.where(context.codingPath))")
    } catch {
      throw LoadError(path: path, reason: "\(error)")
    }
  }

  /// Writes the org atomically (a crash mid-write leaves the previous file).
  func save(_ org: Org) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(org)
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  private static func `where`(_ path: [any CodingKey]) -> String {
    path.isEmpty
      ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
  }
}
