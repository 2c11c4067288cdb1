import OktaAPI

/// What `clone-condition` will do, decided from what the org shows now.
public struct ClonePlan: Equatable, Sendable {
  public var source: RequestCondition
  public var sequence: RequestSequence
  public var temporaryName: String
  /// An earlier run's temporary condition, reused rather than created twice.
  public var existingTemporary: RequestCondition?
  public var steps: [CloneStep]

  /// Whether the org already looks as the plan wants (a repeated clone changes nothing).
  public var isEmpty: Bool { steps.isEmpty }
}

/// What the user asked `clone-condition` for.
public struct CloneRequest: Equatable, Sendable {
  /// The condition to mirror: id (`rco…`) or name.
  public var source: String
  /// The approval sequence to use: id or name; nil finds the auto-approve sequence.
  public var sequence: String?
  public var name: String?
  public var keepOriginals: Bool

  public init(source: String, sequence: String? = nil, name: String? = nil, keepOriginals: Bool = false) {
    self.source = source
    self.sequence = sequence
    self.name = name
    self.keepOriginals = keepOriginals
  }
}
