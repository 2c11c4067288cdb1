/// The answer to Tab: text to insert at the cursor, or the candidates to list when they diverge.
public struct Completion: Equatable, Sendable {
  /// Appended at the cursor (the rest of a unique match plus a space, or the common prefix).
  public var insertion: String
  /// Every full word that matches; shown when `insertion` is empty and there are several.
  public var candidates: [String]

  public init(insertion: String = "", candidates: [String] = []) {
    self.insertion = insertion
    self.candidates = candidates
  }

  /// Completes `partial` against `words`: a unique match gets its rest plus `terminator`, several
  /// matches their longest common prefix.
  public static func choosing(
    from words: [String], partial: String, terminator: (String) -> String = { _ in " " }
  ) -> Completion {
    let matches = Array(Set(words.filter { $0.hasPrefix(partial) })).sorted()
    guard let first = matches.first else { return Completion() }
    if matches.count == 1 {
      return Completion(
        insertion: String(first.dropFirst(partial.count)) + terminator(first), candidates: matches)
    }
    let common = matches.dropFirst().reduce(first) { $0.commonPrefix(with: $1) }
    return Completion(insertion: String(common.dropFirst(partial.count)), candidates: matches)
  }
}

/// Candidates laid out in columns, as shells list them after a second Tab.
struct CompletionListing {
  var words: [String]

  init(_ words: [String]) { self.words = words }

  func text(width: Int) -> String {
    let cell = (words.map(\.count).max() ?? 0) + 2
    let perLine = max(1, width / cell)
    var lines: [String] = []
    var index = 0
    while index < words.count {
      let slice = words[index..<min(index + perLine, words.count)]
      lines.append(slice.map { $0.padding(to: cell) }.joined().trimmingSuffix())
      index += perLine
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  func commonPrefix(with other: String) -> String {
    String(zip(self, other).prefix { $0 == $1 }.map(\.0))
  }

  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
