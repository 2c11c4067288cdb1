import Foundation

/// What kind of change the tool made to the org.
public enum OrgChangeKind: String, Sendable, Codable, CaseIterable {
  case conditionCreated = "condition.created"
  case conditionActivated = "condition.activated"
  case conditionDeactivated = "condition.deactivated"
  case conditionPatched = "condition.patched"
  case settingsPatched = "settings.patched"
}

/// One journaled org change with the state before and after (JSON), so `restore` can undo exactly it.
public struct OrgChange: Equatable, Sendable {
  public var id: Int64
  public var at: Date
  public var kind: OrgChangeKind
  /// The condition id or resource id changed.
  public var target: String
  public var beforeJSON: String?
  public var afterJSON: String?
  public var undone: Bool
}
