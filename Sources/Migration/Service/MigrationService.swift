import Foundation
import OktaAPI

/// The migration's operations for the shell: load, clone, submit, refresh, retry, restore, export.
///
/// Holds the journal, the org and the resource; every org change and request goes through the journal.
public struct MigrationService: Sendable {
  public let journal: Journal
  public let org: any MigrationOrg
  public let resourceID: String
  public let clock: any OktaClock

  /// Binds the journal to `orgURL` and `resourceID` (refusing a journal of another migration).
  public init(
    journal: Journal, org: any MigrationOrg, orgURL: String, resourceID: String,
    clock: any OktaClock = SystemClock()
  ) throws(JournalError) {
    try journal.bind(orgURL: orgURL)
    try journal.bind(resourceID: resourceID)
    self.journal = journal
    self.org = org
    self.resourceID = resourceID
    self.clock = clock
  }

  /// The temporary condition `clone-condition` made, if any.
  public var temporaryConditionID: String? { (try? journal.fact("temporary_condition")) ?? nil }

  func audit(_ action: String, _ target: String, result: String, oktaRequestID: String? = nil) -> AuditEntry {
    AuditEntry(at: clock.now, action: action, target: target, result: result, oktaRequestID: oktaRequestID)
  }

  static func json(_ value: some Encodable) -> String {
    (try? JSONEncoder.sorted.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
  }
}

/// A failure of a migration operation, with the message the shell shows.
public struct MigrationError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }

  init(_ failure: OrgFailure, while doing: String) {
    message = "\(doing): \(failure)" + (failure.fix.map { "; \($0)" } ?? "")
  }
}
