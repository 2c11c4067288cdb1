import Foundation
import Migration
import OktaAPI

/// What the migration commands share in a session: the client, the journal, the selected resource.
@MainActor
public final class MigrationContext {
  /// The connected org's client, after `connect`.
  public var client: OktaClient?
  public var orgURL: String?
  /// The journal, opened on first need at `--journal`.
  public var journal: Journal?
  /// The migration over the selected resource, after `use`.
  public var service: MigrationService?
  /// The selected resource's label, for messages.
  public var resourceLabel: String?
  /// Time for waits and journal stamps; scaled when `OKTABULK_TIME_SCALE` is set (simulator runs).
  public var clock: any OktaClock = SystemClock()

  public init() {}
}

enum MigrationContextKey: SessionKey {
  static var defaultValue: MigrationContext? { nil }
}

extension Session {
  /// The migration's shared state, created on first use.
  public var migration: MigrationContext {
    if let context = self[MigrationContextKey.self] { return context }
    let context = MigrationContext()
    self[MigrationContextKey.self] = context
    return context
  }

  /// The connected client, or a failure that says to `connect`.
  func requireClient(for command: String) throws -> OktaClient {
    guard let client = migration.client else {
      throw ShellError.failed(command: command, reason: "not connected; run `connect [URL]` first")
    }
    return client
  }

  /// The migration over the selected resource, or a failure that names the missing step.
  func requireService(for command: String) throws -> MigrationService {
    guard let service = migration.service else {
      let step = migration.client == nil ? "`connect [URL]`, then `use <resource>`" : "`use <resource>`"
      throw ShellError.failed(command: command, reason: "no resource selected; run \(step) first")
    }
    return service
  }

  /// The journal at `--journal`, opened (and locked) on first need. Commands that only read it pass
  /// `creating: false`, so looking does not leave an empty journal behind.
  func openJournal(creating: Bool = true, for command: String = "journal") throws -> Journal {
    if let journal = migration.journal { return journal }
    let path = FileAccess.expandingTilde(settings.journalPath)
    if !creating && !FileManager.default.fileExists(atPath: path) {
      throw ShellError.failed(
        command: command,
        reason: "no journal at \(path) yet; `connect`, `use <resource>` and `load <file>` start one")
    }
    let clock = migration.clock
    let journal = try Journal(path: path, now: { clock.now })
    if let warning = journal.permissionWarning { note("warning: " + warning) }
    migration.journal = journal
    return journal
  }

  /// Closes the journal (and releases its lock); called when the shell ends.
  public func closeMigration() {
    migration.journal?.close()
    migration.journal = nil
  }

  /// Announces a temporary auto-approve condition that is still ACTIVE: every request to the resource is
  /// approved without review until `restore`.
  public func announceLingeringCondition() async {
    guard let service = migration.service, let condition = await service.lingeringTemporaryCondition() else {
      return
    }
    note(
      "warning: temporary auto-approve condition \"\(condition.name)\" (\(condition.id)) is still ACTIVE on "
        + "\(migration.resourceLabel ?? service.resourceID): requests are approved without review; run `restore` when done"
    )
  }

  /// At start: a journal here with a migration in it is continued (as `connect` would), so a temporary
  /// condition left ACTIVE is announced at once. Without credentials it only says how to continue.
  public func resumeJournaledMigration() async {
    let path = FileAccess.expandingTilde(settings.journalPath)
    guard FileManager.default.fileExists(atPath: path) else { return }
    do {
      let binding = try openJournal(creating: false).binding()
      guard let resource = binding.resourceID, binding.orgURL != nil else { return }
      note("journal \(settings.journalPath): the migration of \(resource) continues")
      let connect = try ArgumentParser(ConnectCommand.spec).parse([])
      try await ConnectCommand.run(connect, in: self)
    } catch {
      note(
        "journal \(settings.journalPath): \(ErrorPresenter.present(error).message ?? "cannot continue"); run `connect` to continue"
      )
    }
  }

  /// Fails a command with a message that already names the cause and the fix. A cancellation stays a
  /// cancellation, so Ctrl-C during a command still reads "interrupted" and exits 130.
  func fail(_ command: String, _ error: any Error) -> any Error {
    if error is ShellError || error is CancellationError { return error }
    return ShellError.failed(command: command, reason: Redaction.redact(String(describing: error)))
  }
}
