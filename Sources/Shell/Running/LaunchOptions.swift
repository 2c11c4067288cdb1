/// The `oktabulk` command line, parsed with the same generic parser as the commands.
public struct LaunchOptions: Equatable, Sendable {
  /// A script to run: a file (`-f`, `-` for stdin) or one command line (`-c`), in the order given.
  public enum Step: Equatable, Sendable {
    case file(String)
    case command(String)
  }

  public var settings = SessionSettings()
  public var steps: [Step] = []
  public var demo = false
  public var showHelp = false
  public var showVersion = false

  public static let spec = CommandSpec(
    "oktabulk",
    summary: "Bulk-provision users through Okta Identity Governance access requests",
    flags: [
      FlagSpec("org", .text(placeholder: "URL"), summary: "the org URL (else config or OKTA_CLIENT_ORGURL)"),
      FlagSpec("config", .path(placeholder: "FILE"), summary: "an okta.yaml read after the usual ones"),
      FlagSpec(
        "journal", .path(placeholder: "FILE"), summary: "the migration journal", default: "oktabulk.db"),
      FlagSpec("demo", summary: "start on a simulated demo org"),
      FlagSpec(
        "file", short: "f", .path(placeholder: "SCRIPT"), summary: "run a script (- for stdin)",
        repeatable: true),
      FlagSpec(
        "command", short: "c", .text(placeholder: "COMMAND"), summary: "run one command line",
        repeatable: true),
      FlagSpec(
        "on-error", .choice(["stop", "continue"]), summary: "what scripts do after a failing line",
        default: "stop"),
      FlagSpec("output", .choice(["table", "json"]), summary: "how results are printed", default: "table"),
      FlagSpec("yes", summary: "answer yes to confirmations"),
      FlagSpec("echo", summary: "print each script line before running it"),
      FlagSpec("verbose", summary: "print API calls and decisions on stderr"),
      FlagSpec("help", short: "h", summary: "show this help"),
      FlagSpec("version", summary: "show the version"),
    ],
    example: "oktabulk --org https://acme.okta.com -f migrate.oktabulk"
  )

  public static let version = "0.1.0"

  public init() {}

  public init(arguments: [String]) throws(UsageError) {
    let invocation = try ArgumentParser(Self.spec).parse(arguments)
    settings.orgURL = invocation.text("org")
    settings.configFile = invocation.text("config")
    settings.journalPath = invocation.text("journal") ?? settings.journalPath
    settings.onError = invocation.text("on-error").flatMap(OnErrorPolicy.init) ?? .stop
    settings.output = invocation.text("output").flatMap(OutputMode.init) ?? .table
    settings.assumeYes = invocation.isSet("yes")
    settings.echo = invocation.isSet("echo")
    settings.verbose = invocation.isSet("verbose")
    demo = invocation.isSet("demo")
    showHelp = invocation.isSet("help")
    showVersion = invocation.isSet("version")
    steps = invocation.occurrences.compactMap { occurrence in
      guard case .text(let text) = occurrence.value else { return nil }
      switch occurrence.name {
      case "file": return .file(text)
      case "command": return .command(text)
      default: return nil
      }
    }
  }
}
