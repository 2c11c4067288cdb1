/// The command line does not fit the command's spec. Exit status 2; the usage line is shown with it.
public struct UsageError: Error, Equatable, Sendable {
  /// The command it concerns (`submit`), or `oktabulk` for the launch options.
  public var command: String
  public var problem: String
  /// The command's usage line, shown under the problem.
  public var usage: String?

  public init(command: String, problem: String, usage: String? = nil) {
    self.command = command
    self.problem = problem
    self.usage = usage
  }
}

extension UsageError: CustomStringConvertible {
  public var description: String {
    let first = "\(command): \(problem)"
    guard let usage else { return first }
    return first + "\nusage: " + usage
  }
}
