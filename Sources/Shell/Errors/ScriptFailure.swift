/// A script (`source`) stopped on a line that already reported its own `FILE:LINE: message`;
/// it carries the status so the outer script stops the same way, without a second message.
public struct ScriptFailure: Error, Equatable, Sendable {
  public var status: ExitStatus

  public init(status: ExitStatus) {
    self.status = status
  }
}
