/// Everything the shell knows about a command without running it: what `help`, completion,
/// and the argument parser read.
public struct CommandSpec: Equatable, Sendable {
  public var name: String
  /// Other names that run the same command (`quit` for `exit`).
  public var aliases: [String]
  /// One line: what the command does.
  public var summary: String
  /// Sub-commands as the first word (`show conditions`); empty when the command has none.
  public var subcommands: [SubcommandSpec]
  public var arguments: [ArgumentSpec]
  public var flags: [FlagSpec]
  /// One complete, runnable example line.
  public var example: String
  /// Extra paragraphs for `help CMD`, if the summary is not enough.
  public var discussion: String?

  public init(
    _ name: String, aliases: [String] = [], summary: String, subcommands: [SubcommandSpec] = [],
    arguments: [ArgumentSpec] = [], flags: [FlagSpec] = [], example: String, discussion: String? = nil
  ) {
    self.name = name
    self.aliases = aliases
    self.summary = summary
    self.subcommands = subcommands
    self.arguments = arguments
    self.flags = flags
    self.example = example
    self.discussion = discussion
  }

  /// The flag named `name` (long) or `short`.
  public func flag(named name: String) -> FlagSpec? {
    flags.first { $0.name == name }
  }

  func flag(short: Character) -> FlagSpec? {
    flags.first { $0.short == short }
  }

  /// `submit [--concurrency N] [--wait SECONDS] …`
  public var usage: String {
    var parts = [name]
    if !subcommands.isEmpty { parts.append(subcommands.map(\.name).joined(separator: "|")) }
    parts += arguments.map(\.synopsis)
    parts += flags.map { flag in
      let text = flag.isRequired ? flag.synopsis : "[\(flag.synopsis)]"
      return flag.isRepeatable ? text + "…" : text
    }
    return parts.joined(separator: " ")
  }
}
