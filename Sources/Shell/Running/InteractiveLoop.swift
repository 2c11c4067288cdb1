/// The read-eval-print loop for a person at a terminal: prompt, read, remember, run, report.
/// Errors never end it; Ctrl-C at the prompt clears the line; Ctrl-D, `exit` and `quit` end it with 0.
@MainActor
public struct InteractiveLoop {
  public var session: Session
  public var reader: any LineReader

  public init(session: Session, reader: any LineReader) {
    self.session = session
    self.reader = reader
  }

  public func run() async -> ExitStatus {
    session.lineReader = reader
    while !session.exitRequested {
      switch reader.readLine(prompt: session.context.prompt) {
      case .endOfInput:
        return .success
      case .interrupted:
        _ = session.interrupt.consume()
      case .line(let line):
        reader.remember(line)
        _ = session.interrupt.consume()  // a Ctrl-C typed before Enter is not meant for this command
        do {
          try await LineExecutor(session: session).execute(line)
        } catch {
          if let message = ErrorPresenter.present(error).message { session.note(message) }
        }
      }
    }
    return .success
  }
}
