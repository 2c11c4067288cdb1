/// `submit`: one access request per roster row, throttled, journaled, resumable.
public enum SubmitCommand: ShellCommand {
  public static let spec = CommandSpec(
    "submit",
    summary: "Submit one access request per roster row, throttled, journaled, resumable",
    flags: [
      FlagSpec(
        "concurrency", .integer(placeholder: "N", range: 1...75), summary: "requests in flight at once",
        default: "5"),
      FlagSpec(
        "wait", .decimal(placeholder: "SECONDS", minimum: 0, maximum: nil),
        summary: "pause after each request, per worker", default: "10"),
      FlagSpec("dry-run", summary: "show what would be submitted, submit nothing"),
      FlagSpec("limit", .integer(placeholder: "N", range: 1...Int.max), summary: "submit at most N rows"),
      FlagSpec("background", summary: "run as a job and give the prompt back"),
    ],
    example: "submit --concurrency 5 --wait 10 --limit 100",
    discussion:
      "Bursts leave requests stuck; concurrency 5 with a 10 second wait is the field-proven default."
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    throw notAvailableYet
  }
}
