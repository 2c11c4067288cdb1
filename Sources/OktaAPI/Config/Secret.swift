/// A credential (API token, private key) that never prints itself.
///
/// `description`, `debugDescription` and reflection (`dump`, string interpolation) all show the
/// masked form; only ``reveal()`` gives the value, for the one header that needs it.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  private let value: String

  public init(_ value: String) { self.value = value }

  /// The secret itself. Call it only where it goes on the wire.
  public func reveal() -> String { value }

  /// Enough to tell two tokens apart, never enough to use one: `****` plus the last 4 characters
  /// of a long value, `****` alone otherwise.
  public var masked: String {
    value.count >= 16 ? "****" + value.suffix(4) : "****"
  }

  public var isEmpty: Bool { value.isEmpty }
  public var description: String { masked }
  public var debugDescription: String { "Secret(\(masked))" }
  public var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }
}
