import Foundation
import Migration
import OktaAPI

extension ShowCommand {
  /// `show conditions|sequences|settings|entries`: what the org says about the selected resource.
  @MainActor static func showOrg(_ what: String, in session: Session) async throws {
    let service = try session.requireService(for: "show \(what)")
    let client = try session.requireClient(for: "show \(what)")
    let resource = service.resourceID
    do {
      switch what {
      case "conditions": session.emit(try await conditions(service, client: client))
      case "sequences":
        let sequences = try await client.requestSequences(resource: resource).collect()
        session.emit(
          Table(
            columns: ["id", "name", "auto-approve", "description"],
            rows: sequences.map {
              [
                .text($0.id), .text($0.name), .flag(ClonePlanner.looksAutoApproving($0)),
                .text($0.description ?? ""),
              ]
            }))
      case "settings":
        let settings = try await client.resourceRequestSettings(resource: resource)
        let onBehalf = settings.requestOnBehalfOfSettings
        session.emit(
          Record([
            ("resource", .text(resource)),
            ("on-behalf allowed", .flag(onBehalf?.allowed == true)),
            ("on-behalf only for", onBehalf?.onlyFor.map { .text($0.joined(separator: ", ")) } ?? .empty),
          ]))
      case "entries":
        let entries = try await client.catalogEntries().collect(limit: 2_000).filter {
          $0.links?.relatedEntity?.targetID.map { $0 == resource } ?? false
        }
        session.emit(
          Table(
            columns: ["id", "name", "requestable"],
            rows: entries.map { [.text($0.id), .text($0.name), $0.requestable.map(Cell.flag) ?? .empty] }))
      default:
        throw UsageError(command: "show", problem: "unknown '\(what)'", usage: spec.usage)
      }
    } catch let error as ShellError {
      throw error
    } catch {
      throw session.fail("show \(what)", error)
    }
  }

  /// Conditions by priority, the temporary one marked.
  @MainActor static func conditions(_ service: MigrationService, client: OktaClient) async throws -> Table {
    let conditions = try await client.requestConditions(resource: service.resourceID).collect()
      .sorted { ($0.priority ?? .max) < ($1.priority ?? .max) }
    let sequences = try await client.requestSequences(resource: service.resourceID).collect()
    let names = Dictionary(sequences.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let temporary = service.temporaryConditionID
    return Table(
      columns: ["priority", "id", "name", "status", "sequence", "requesters", "temporary"],
      rows: conditions.map {
        [
          $0.priority.map(Cell.integer) ?? .empty, .text($0.id), .text($0.name), .text($0.status.rawValue),
          .text($0.approvalSequenceId.map { names[$0] ?? $0 } ?? "(deleted)"),
          .text($0.requesterSettings?.type ?? ""), .flag($0.id == temporary),
        ]
      })
  }

  @MainActor static func roster(_ session: Session) throws -> Table {
    let rows = try session.openJournal(creating: false, for: "show roster").rows()
    return Table(
      columns: ["line", "user", "userId", "entry", "state", "requestId", "attempts", "note"],
      rows: rows.map {
        [
          .integer($0.line), .text($0.userInput), $0.userID.map(Cell.text) ?? .empty, .text($0.entryID),
          .text($0.state.rawValue), $0.requestID.map(Cell.text) ?? .empty, .integer($0.attempts),
          $0.lastError.map(Cell.text) ?? .empty,
        ]
      })
  }

  @MainActor static func changes(_ session: Session) throws -> Table {
    let changes = try session.openJournal(creating: false, for: "show changes").changes()
    return Table(
      columns: ["id", "at", "kind", "target", "undone"],
      rows: changes.map {
        [
          .integer(Int($0.id)), .text($0.at.formatted(.iso8601)), .text($0.kind.rawValue), .text($0.target),
          .flag($0.undone),
        ]
      })
  }
}
