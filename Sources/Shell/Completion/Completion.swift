/// The answer to Tab for the word before the cursor.
public struct Completion: Equatable, Sendable {
  /// The part of the word already typed.
  public var partial: String
  /// Every full word that matches, with what follows it (`" "`, or `"/"` for a directory), in the
  /// order they are offered: spec order for sub-commands, alphabetical otherwise.
  public var choices: [String]

  public init(partial: String = "", choices: [String] = []) {
    self.partial = partial
    self.choices = choices
  }

  /// The matching words as listed to the user (`runs/`, `roster.csv`).
  public var candidates: [String] { choices.map { $0.hasSuffix(" ") ? String($0.dropLast()) : $0 } }

  /// What Tab inserts right away: the rest of a unique match, or the longest common prefix.
  public var insertion: String {
    guard let first = choices.first else { return "" }
    if choices.count == 1 { return String(first.dropFirst(partial.count)) }
    let common = candidates.dropFirst().reduce(candidates[0]) { $0.commonPrefix(with: $1) }
    return String(common.dropFirst(partial.count))
  }

  /// What choosing `choices[index]` inserts after the partial word.
  public func remainder(of index: Int) -> String {
    String(choices[index].dropFirst(partial.count))
  }

  /// Matches `partial` against `words`; `terminator` says what follows a chosen word.
  public static func choosing(
    from words: [String], partial: String, keepOrder: Bool = false,
    terminator: (String) -> String = { _ in " " }
  ) -> Completion {
    var seen = Set<String>()
    var matches = words.filter { $0.hasPrefix(partial) && seen.insert($0).inserted }
    if !keepOrder { matches.sort() }
    return Completion(partial: partial, choices: matches.map { $0 + terminator($0) })
  }
}
