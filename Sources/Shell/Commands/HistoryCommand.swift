/// `history [N]`: the lines typed before, oldest first (lines with secrets are never kept).
public enum HistoryCommand: ShellCommand {
  public static let spec = CommandSpec(
    "history",
    summary: "Show the command history (lines carrying secrets are never saved)",
    arguments: [
      ArgumentSpec(
        "count", .integer(placeholder: "N", range: 1...Int.max), summary: "only the last N lines",
        optional: true)
    ],
    example: "history 20"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    let lines = session.lineReader?.history ?? []
    let count = invocation.argument(0).flatMap(Int.init) ?? lines.count
    let first = max(0, lines.count - count)
    for (number, line) in lines.enumerated().dropFirst(first) {
      session.say(String(number + 1).padding(to: 6) + line)
    }
  }
}
