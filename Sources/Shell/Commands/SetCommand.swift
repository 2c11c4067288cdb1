import Migration

/// `set [NAME [VALUE]]`: change a setting (output, on-error, echo, verbose, timing) or a variable.
public enum SetCommand: ShellCommand {
  public static let spec = CommandSpec(
    "set",
    summary: "Show or change settings (output, on-error, echo, verbose, timing) and $variables",
    arguments: [
      ArgumentSpec(
        "name", .text(placeholder: "NAME"), summary: "a setting or a variable name", optional: true,
        suggestions: ["echo", "on-error", "output", "timing", "verbose"]),
      ArgumentSpec(
        "value", .text(placeholder: "VALUE"), summary: "the new value (quote it if it has spaces)",
        optional: true),
    ],
    example: "set entry cen1a2b3c4d5e6f7g8h9",
    discussion: """
      Settings: output table|json, on-error stop|continue, echo on|off, verbose on|off, timing on|off.
      Any other NAME is a variable, used as $NAME or ${NAME} in later lines.
      """
  )

  /// The settings `set` knows, with the values each accepts.
  static let settingChoices: [String: [String]] = [
    "output": OutputMode.allCases.map(\.rawValue),
    "on-error": OnErrorPolicy.allCases.map(\.rawValue),
    "echo": ["on", "off"],
    "verbose": ["on", "off"],
    "timing": ["on", "off"],
  ]

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    guard let name = invocation.argument(0) else {
      session.emit(listing(session))
      return
    }
    guard let value = invocation.argument(1) else {
      guard let current = current(name, in: session) else {
        throw UsageError(command: "set", problem: "no setting or variable named '\(name)'", usage: spec.usage)
      }
      session.say(current)
      return
    }
    if let choices = settingChoices[name] {
      guard choices.contains(value) else {
        throw UsageError(
          command: "set",
          problem: "\(name) must be one of \(choices.joined(separator: ", ")), got '\(value)'",
          usage: spec.usage)
      }
      apply(name, value, to: &session.settings)
      if name == "verbose" {
        // The connected client traces from now on, not only clients made by a later `connect`.
        session.migration.client?.tracer =
          session.settings.verbose ? OutputTracer(output: session.output) : nil
      }
      return
    }
    guard Lexer.isName(name) else {
      throw UsageError(
        command: "set", problem: "'\(name)' is not a variable name (letters, digits, _)", usage: spec.usage)
    }
    session.variables[name] = value
  }

  private static func apply(_ name: String, _ value: String, to settings: inout SessionSettings) {
    switch name {
    case "output": settings.output = OutputMode(rawValue: value) ?? settings.output
    case "on-error": settings.onError = OnErrorPolicy(rawValue: value) ?? settings.onError
    case "echo": settings.echo = value == "on"
    case "verbose": settings.verbose = value == "on"
    case "timing": settings.timing = value == "on"
    default: break
    }
  }

  @MainActor private static func current(_ name: String, in session: Session) -> String? {
    let settings = session.settings
    switch name {
    case "output": return settings.output.rawValue
    case "on-error": return settings.onError.rawValue
    case "echo": return settings.echo ? "on" : "off"
    case "verbose": return settings.verbose ? "on" : "off"
    case "timing": return settings.timing ? "on" : "off"
    default: return session.variables[name]
    }
  }

  @MainActor private static func listing(_ session: Session) -> Table {
    let settings = settingChoices.keys.sorted().map {
      [Cell.text($0), .text(current($0, in: session) ?? "")]
    }
    let variables = session.variables.keys.sorted().map { name -> [Cell] in
      let shown = Redaction.containsSecret("set \(name) x") ? "[redacted]" : session.variables[name]!
      return [.text("$" + name), .text(shown)]
    }
    return Table(columns: ["name", "value"], rows: settings + variables)
  }
}
