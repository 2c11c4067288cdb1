import Migration

/// THE place that turns any error into what the user reads and the exit status it implies.
/// Messages pass through `Redaction`, so a token inside an error never reaches the terminal.
public enum ErrorPresenter {
  /// What to print (nil: already reported) and the status.
  public struct Presentation: Equatable, Sendable {
    public var message: String?
    public var status: ExitStatus
  }

  public static func present(_ error: any Error) -> Presentation {
    switch error {
    case let error as UsageError:
      return Presentation(message: Redaction.redact(error.description), status: .usage)
    case let error as LexError:
      return Presentation(message: "syntax error: \(error.description)", status: .usage)
    case let error as ShellError:
      return Presentation(message: Redaction.redact(error.description), status: .failure)
    case let error as ScriptFailure:
      return Presentation(message: nil, status: error.status)
    case is CancellationError:
      return Presentation(message: "interrupted", status: .interrupted)
    // OktaAPI's and Migration's errors reach here wrapped by their command (`Session.fail`) as a
    // ShellError naming it; anything else still reads as its own one-line description.
    default:
      return Presentation(message: Redaction.redact(String(describing: error)), status: .failure)
    }
  }
}
