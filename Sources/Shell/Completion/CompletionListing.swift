/// Candidates laid out in columns, as shells list them.
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
