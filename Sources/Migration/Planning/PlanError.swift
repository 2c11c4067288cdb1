/// Why a clone or restore cannot be planned; the message names what to do instead.
public struct PlanError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
