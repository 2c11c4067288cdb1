/// Tab's behaviour over successive presses (menu completion, as bash's `menu-complete`): a unique
/// match or a longer common prefix is inserted; when the choices diverge, the first is inserted and
/// all are listed, and each further Tab replaces it with the next.
public struct CompletionCycle: Equatable, Sendable {
  /// What the line editor should do for one Tab press.
  public struct Action: Equatable, Sendable {
    /// Characters to delete before the cursor (the previous choice of the cycle).
    public var delete = 0
    public var insert = ""
    /// Candidates to show under the line (empty: show nothing).
    public var list: [String] = []
    /// Nothing matched: beep.
    public var failed = false
  }

  private struct Menu: Equatable, Sendable {
    var completion: Completion
    var index: Int
    /// The line as it was after the last insertion; any other line ends the cycle.
    var lineAfter: String
    var inserted: String
  }

  private var menu: Menu?

  public init() {}

  /// `line` is the text before the cursor; `complete` computes fresh choices for it.
  public mutating func tab(_ line: String, complete: (String) -> Completion) -> Action {
    if var menu, menu.lineAfter == line, menu.completion.choices.count > 1 {
      menu.index = (menu.index + 1) % menu.completion.choices.count
      let insert = menu.completion.remainder(of: menu.index)
      let action = Action(delete: menu.inserted.count, insert: insert)
      menu.lineAfter = String(line.dropLast(menu.inserted.count)) + insert
      menu.inserted = insert
      self.menu = menu
      return action
    }
    menu = nil
    let completion = complete(line)
    guard !completion.choices.isEmpty else { return Action(failed: true) }
    let insertion = completion.insertion
    if !insertion.isEmpty { return Action(insert: insertion) }
    let insert = completion.remainder(of: 0)
    menu = Menu(completion: completion, index: 0, lineAfter: line + insert, inserted: insert)
    return Action(insert: insert, list: completion.candidates)
  }
}
