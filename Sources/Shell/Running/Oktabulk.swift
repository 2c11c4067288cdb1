#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The whole program behind `main.swift`: parse the command line, then run scripts, piped stdin,
/// or the interactive shell, and answer the exit status.
@MainActor
public enum Oktabulk {
  public static func main(
    arguments: [String], environment: [String: String], demo launcher: DemoLauncher?,
    output: any OutputSink = StandardOutputSink()
  ) async -> ExitStatus {
    let options: LaunchOptions
    do {
      options = try LaunchOptions(arguments: arguments)
    } catch {
      output.write(error.description + "\nTry 'oktabulk --help'.\n", to: .standardError)
      return .usage
    }
    if options.showHelp {
      output.write(HelpText.command(LaunchOptions.spec), to: .standardOutput)
      return .success
    }
    if options.showVersion {
      output.write("oktabulk \(LaunchOptions.version)\n", to: .standardOutput)
      return .success
    }

    let interactive = options.steps.isEmpty && isatty(0) != 0
    let session = Session(
      settings: options.settings, output: output, isInteractive: interactive, environment: environment)
    InterruptFlag.installSignalHandler()

    var demoOrg: DemoOrg?
    if options.demo {
      demoOrg = await startDemo(launcher, in: session)
      if launcher != nil && demoOrg == nil { return .failure }
    }
    defer { demoOrg?.stop() }

    if !options.steps.isEmpty { return await finish(await runSteps(options.steps, in: session), session) }
    if !interactive {
      let reader = PlainLineReader()
      return await finish(
        await ScriptRunner(session: session).run(source: "stdin") { reader.nextLine() }, session)
    }
    session.note("oktabulk \(LaunchOptions.version): type 'help' for commands; Tab completes; Ctrl-D leaves.")
    if let demoOrg { session.note(demoOrg.walkThrough) }
    await session.resumeJournaledMigration()
    let completer = Completer(registry: session.registry)
    let reader = EditLineReader(
      historyPath: HistoryPolicy.path(environment: environment), complete: completer.complete)
    return await finish(await InteractiveLoop(session: session, reader: reader).run(), session)
  }

  /// Leaving: stop a background submission cleanly, warn about a temporary auto-approve condition still
  /// active, release the journal.
  static func finish(_ status: ExitStatus, _ session: Session) async -> ExitStatus {
    await session.stopBackgroundSubmission()
    await session.announceLingeringCondition()
    session.closeMigration()
    return status
  }

  /// Each `-f`/`-c` in order; stops at the first failing one unless on-error is continue.
  static func runSteps(_ steps: [LaunchOptions.Step], in session: Session) async -> ExitStatus {
    var status = ExitStatus.success
    for step in steps where !session.exitRequested {
      let result: ExitStatus
      switch step {
      case .command(let line):
        var pending: String? = line
        result = await ScriptRunner(session: session).run(source: nil) {
          defer { pending = nil }
          return pending
        }
      case .file("-"):
        let reader = PlainLineReader()
        result = await ScriptRunner(session: session).run(source: "stdin") { reader.nextLine() }
      case .file(let path):
        do {
          var lines = scriptLines(try session.readFile(FileAccess.expandingTilde(path)))[...]
          result = await ScriptRunner(session: session).run(source: path) { lines.popFirst() }
        } catch {
          session.note(ErrorPresenter.present(error).message ?? "\(path): cannot read")
          result = .failure
        }
      }
      if result == .success { continue }
      if result == .interrupted || session.settings.onError == .stop { return result }
      if status == .success { status = result }
    }
    return status
  }

  private static func startDemo(_ launcher: DemoLauncher?, in session: Session) async -> DemoOrg? {
    guard let launcher else {
      session.note("demo: the simulated org is not part of this build yet; starting the shell without one.")
      return nil
    }
    do {
      let org = try await launcher()
      session.settings.orgURL = org.orgURL
      session.environment["OKTA_CLIENT_ORGURL"] = org.orgURL
      session.environment["OKTA_CLIENT_TOKEN"] = org.token
      session.variables.merge(org.variables) { $1 }
      return org
    } catch {
      session.note(
        "demo: could not start the simulated org: " + (ErrorPresenter.present(error).message ?? ""))
      return nil
    }
  }
}
