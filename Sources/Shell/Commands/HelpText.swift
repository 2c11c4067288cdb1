/// The text of `help`, `help CMD` and `CMD --help`, built from specs so it cannot drift from the parser.
public enum HelpText {
  /// Every command with its summary.
  public static func overview(_ registry: CommandRegistry) -> String {
    let specs = registry.commands.map { $0.spec }
    let width = specs.map(\.name.count).max() ?? 0
    var lines = ["Commands:"]
    lines += specs.map { "  " + $0.name.padding(to: width + 2) + $0.summary }
    lines.append("")
    lines.append("Type 'help COMMAND' or 'COMMAND --help' for its flags and an example.")
    lines.append("Tab completes commands, flags and file names; Ctrl-C cancels; Ctrl-D leaves.")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Usage, summary, sub-commands, arguments, flags (with ranges and defaults) and the example.
  public static func command(_ spec: CommandSpec) -> String {
    var lines = ["usage: " + spec.usage, "", spec.summary]
    if !spec.aliases.isEmpty { lines.append("Also: " + spec.aliases.joined(separator: ", ")) }
    if let discussion = spec.discussion { lines += ["", discussion] }
    let rows: [(String, String)] =
      spec.subcommands.map { ($0.name, $0.summary) }
      + spec.arguments.map { ($0.synopsis, $0.summary) }
      + spec.flags.map { ($0.helpSynopsis, describe($0)) }
    if !rows.isEmpty {
      let width = rows.map(\.0.count).max() ?? 0
      let heading = spec.subcommands.isEmpty ? "Arguments and flags:" : "Sub-commands, arguments and flags:"
      lines += ["", heading]
      lines += rows.map { "  " + $0.0.padding(to: width + 2) + $0.1 }
    }
    lines += ["", "Example:", "  " + spec.example]
    return lines.joined(separator: "\n") + "\n"
  }

  private static func describe(_ flag: FlagSpec) -> String {
    var notes: [String] = []
    if let constraint = flag.kind.constraint { notes.append(constraint) }
    if let value = flag.defaultValue { notes.append("default \(value)") }
    if flag.isRequired { notes.append("required") }
    if flag.isRepeatable { notes.append("repeatable") }
    return flag.summary + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
  }
}
