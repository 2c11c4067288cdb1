import OktaAPI

/// `--verbose`: one `http:` line per HTTP attempt on the session's stderr (the client has already
/// taken secrets out of the event; it carries no headers but the rate-limit ones).
public struct OutputTracer: OktaTracer {
  public let output: any OutputSink

  public init(output: any OutputSink) {
    self.output = output
  }

  public func record(_ event: TraceEvent) {
    output.write("http: " + event.line + "\n", to: .standardError)
  }
}
