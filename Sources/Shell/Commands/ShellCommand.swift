/// A command of the shell. Each lives in `Commands/<Name>Command.swift`: a static spec (what help,
/// completion and the parser read) and `run`, which gets an already-checked invocation.
///
/// `run` executes on the main actor, one command at a time. It must honour Task cancellation
/// (Ctrl-C cancels the task): check `Task.checkCancellation()` between steps and use cancellable awaits.
public protocol ShellCommand: SendableMetatype {
  static var spec: CommandSpec { get }
  @MainActor static func run(_ invocation: Invocation, in session: Session) async throws
}
