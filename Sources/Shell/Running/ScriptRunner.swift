/// Runs lines that do not come from a person: `-f FILE`, `-c COMMAND`, piped stdin, `source FILE`.
/// Each failing line is reported as `SOURCE:LINE: message`; the run stops at the first failure
/// unless `on-error` is `continue`, in which case it goes on and still ends with the failure status.
@MainActor
public struct ScriptRunner {
  public var session: Session

  public init(session: Session) {
    self.session = session
  }

  /// `source` names the lines in messages (nil: no location, as for `-c`).
  public func run(source: String?, nextLine: () -> String?) async -> ExitStatus {
    var status = ExitStatus.success
    var number = 0
    while !session.exitRequested, let line = nextLine() {
      number += 1
      if session.settings.echo { session.say(line) }
      if session.interrupt.consume() { return report(CancellationError(), source, number) }
      do {
        try await LineExecutor(session: session).execute(line)
      } catch {
        let failure = report(error, source, number)
        if failure == .interrupted || session.settings.onError == .stop { return failure }
        if status == .success { status = failure }
      }
    }
    // Ctrl-C while waiting for the next line (a pipe, `-f -`) ends the input early: still an interrupt.
    if session.interrupt.consume() { return report(CancellationError(), source, number + 1) }
    return status
  }

  private func report(_ error: any Error, _ source: String?, _ number: Int) -> ExitStatus {
    let presentation = ErrorPresenter.present(error)
    if let message = presentation.message {
      session.note(source.map { "\($0):\(number): " + message } ?? message)
    }
    return presentation.status
  }
}
