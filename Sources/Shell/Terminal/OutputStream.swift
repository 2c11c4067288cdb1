/// The two streams a command writes to.
public enum OutputStream: Sendable {
  case standardOutput
  case standardError
}
