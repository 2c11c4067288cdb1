import Foundation

/// What a status refresh found.
public struct RefreshReport: Equatable, Sendable {
  /// List calls made (pages included, as the gateway counts them).
  public var requestsSeen: Int
  /// Rows whose state changed.
  public var rowsChanged: Int
  /// Rows now reported stuck.
  public var stuck: Int
}

extension MigrationService {
  /// Rows not final this long after submission are reported stuck.
  public static let defaultStuckAfter: Double = 3_600

  /// Pulls request states with filtered, paged list calls (`resourceId`, `lastUpdated gt` the last refresh),
  /// never one GET per request, and moves rows on.
  public func refresh(stuckAfter: Double = MigrationService.defaultStuckAfter) async throws -> RefreshReport {
    let now = clock.now
    let last = (try journal.fact("last_refresh")).flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
    // Overlap the window by the skew tolerance so an update at the boundary is not missed.
    let since = last?.addingTimeInterval(-InDoubtResolver.clockSkew)
    let requests = try await read("list requests") { () async throws(OrgFailure) in
      try await org.requests(matching: RequestQuery(resourceID: resourceID, updatedAfter: since))
    }
    var changed = 0
    for request in requests {
      guard let row = try journal.row(requestID: request.id) else { continue }
      if try apply(request, to: row, now: now, stuckAfter: stuckAfter) { changed += 1 }
    }
    // Rows the org did not mention may still have aged into stuck.
    for row in try journal.rows(in: [.submitted, .approved]) {
      guard let submitted = row.submittedAt, now.timeIntervalSince(submitted) > stuckAfter else { continue }
      try journal.recordProgress(
        row.id, to: .stuck,
        error: "\(row.requestStatus ?? "SUBMITTED") after \(Int(now.timeIntervalSince(submitted))) s")
      changed += 1
    }
    try journal.setFact("last_refresh", String(now.timeIntervalSince1970))
    let stuck = try journal.stateCounts()[.stuck] ?? 0
    return RefreshReport(requestsSeen: requests.count, rowsChanged: changed, stuck: stuck)
  }

  /// Moves one row on from what the org reports; returns whether its state changed.
  @discardableResult
  func apply(_ request: ObservedRequest, to row: RosterRow, now: Date, stuckAfter: Double) throws -> Bool {
    let age = now.timeIntervalSince(row.submittedAt ?? now)
    guard
      let next = RequestProgress.nextState(
        current: row.state, request: request, age: age, stuckAfter: stuckAfter)
    else {
      if row.requestStatus != request.status || row.grantStatus != request.grantStatus {
        try journal.recordObserved(row.id, requestStatus: request.status, grantStatus: request.grantStatus)
      }
      return false
    }
    try journal.recordProgress(
      row.id, to: next.state, requestStatus: request.status, grantStatus: request.grantStatus,
      error: next.reason)
    return true
  }
}
