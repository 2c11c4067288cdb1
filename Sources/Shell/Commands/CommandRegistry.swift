/// The commands a shell knows, looked up by name or alias.
public struct CommandRegistry: Sendable {
  public private(set) var commands: [any ShellCommand.Type]

  public init(_ commands: [any ShellCommand.Type]) {
    self.commands = commands
  }

  /// Every command of the contract (DESIGN.md), in the order `help` lists them.
  public static let standard = CommandRegistry([
    ConnectCommand.self, UseCommand.self, LoadCommand.self, ShowCommand.self, CloneConditionCommand.self,
    SubmitCommand.self, StatusCommand.self, RetryCommand.self, RestoreCommand.self, ExportCommand.self,
    SourceCommand.self, SetCommand.self, HelpCommand.self, HistoryCommand.self, ExitCommand.self,
  ])

  /// Adds or replaces (same name) a command.
  public mutating func register(_ command: any ShellCommand.Type) {
    commands.removeAll { $0.spec.name == command.spec.name }
    commands.append(command)
  }

  public func command(named name: String) -> (any ShellCommand.Type)? {
    commands.first { $0.spec.name == name || $0.spec.aliases.contains(name) }
  }

  /// Names and aliases, for completion.
  public var allNames: [String] {
    commands.flatMap { [$0.spec.name] + $0.spec.aliases }
  }
}
