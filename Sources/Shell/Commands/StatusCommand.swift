import Migration
import OktaAPI

/// `status`: where the migration stands.
public enum StatusCommand: ShellCommand {
  public static let spec = CommandSpec(
    "status",
    summary: "Counts by state, stuck and failed rows, one user's request",
    flags: [
      FlagSpec("refresh", summary: "read the requests' current state from the org first"),
      FlagSpec("stuck", summary: "list the rows whose requests are stuck"),
      FlagSpec("user", .text(placeholder: "USER"), summary: "one user's row and request (login or id)"),
    ],
    example: "status --refresh --stuck"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    let journal = try session.openJournal(creating: false, for: "status")
    if let job = session.backgroundSubmission { session.note(job.summary) }
    if invocation.isSet("refresh") {
      let service = try session.requireService(for: "status --refresh")
      do {
        let report = try await service.refresh()
        session.note(
          "status: \(report.requestsSeen) requests read from the org, \(report.rowsChanged) rows moved on")
      } catch {
        throw session.fail("status", error)
      }
    }
    if let user = invocation.text("user") {
      session.emit(rowsTable(try journal.rows(forUser: user), clock: session.migration.clock))
      return
    }
    if invocation.isSet("stuck") {
      session.emit(
        rowsTable(try journal.rows(in: [.stuck, .intent, .failed]), clock: session.migration.clock))
      return
    }
    try emitCounts(journal, in: session)
  }

  /// Counts by state, in lifecycle order; rows in doubt named as such.
  @MainActor static func emitCounts(_ journal: Journal, in session: Session) throws {
    let counts = try journal.stateCounts()
    session.emit(
      Table(
        columns: ["state", "rows"],
        rows: RosterState.allCases.compactMap { state in
          counts[state].map {
            [.text(state == .intent ? "intent (in doubt)" : state.rawValue), .integer($0)]
          }
        }))
  }

  /// Rows with their request, its status and age.
  @MainActor static func rowsTable(_ rows: [RosterRow], clock: any OktaClock) -> Table {
    let now = clock.now
    return Table(
      columns: ["line", "user", "state", "requestId", "status", "grant", "age", "attempts", "note"],
      rows: rows.map { row in
        let age = row.submittedAt.map { ProgressLine.duration(now.timeIntervalSince($0)) }
        return [
          .integer(row.line), .text(row.userInput), .text(row.state.rawValue),
          row.requestID.map(Cell.text) ?? .empty,
          row.requestStatus.map(Cell.text) ?? .empty, row.grantStatus.map(Cell.text) ?? .empty,
          age.map(Cell.text) ?? .empty, .integer(row.attempts), row.lastError.map(Cell.text) ?? .empty,
        ]
      })
  }

}
