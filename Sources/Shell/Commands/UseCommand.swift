import Foundation
import Migration
import OktaAPI

/// `use <resource>`: select the resource whose access is migrated.
public enum UseCommand: ShellCommand {
  public static let spec = CommandSpec(
    "use",
    summary: "Select the resource (app id 0oa…, ORN, or app label)",
    arguments: [
      ArgumentSpec("resource", .text(placeholder: "RESOURCE"), summary: "app id, ORN or app label")
    ],
    example: "use \"Salesforce Production\""
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    try await select(invocation.arguments[0], in: session)
  }

  /// Resolves `resource` (app id, ORN, or label), binds the journal to it and starts the migration service.
  @MainActor static func select(_ resource: String, in session: Session) async throws {
    let client = try session.requireClient(for: "use")
    let (id, label) = try await resolve(resource, client: client)
    let context = session.migration
    do {
      let journal = try session.openJournal()
      context.service = try MigrationService(
        journal: journal, org: OktaOrg(client: client, resourceID: id), orgURL: context.orgURL ?? "",
        resourceID: id, clock: context.clock)
    } catch {
      throw session.fail("use", error)
    }
    context.resourceLabel = label
    session.context.resource = label
    session.say("using \(label) (\(id))")
    await session.announceLingeringCondition()
  }

  /// An app id is checked, an ORN taken as given, a label looked up (exact match, else the candidates listed).
  static func resolve(_ resource: String, client: OktaClient) async throws -> (id: String, label: String) {
    if resource.hasPrefix("orn:") { return (resource, resource) }
    do {
      if OktaID.isAppID(resource) {
        let app = try await client.application(resource)
        return (app.id, app.label ?? app.name ?? app.id)
      }
      let apps = try await client.applications(q: resource).collect(limit: 200)
      let exact = apps.filter { ($0.label ?? "").caseInsensitiveCompare(resource) == .orderedSame }
      if exact.count == 1 { return (exact[0].id, exact[0].label ?? exact[0].id) }
      let candidates = exact.isEmpty ? apps : exact
      if candidates.count == 1 { return (candidates[0].id, candidates[0].label ?? candidates[0].id) }
      if candidates.isEmpty {
        throw ShellError.failed(
          command: "use", reason: "no app labelled \"\(resource)\"; give its id (0oa…) or ORN")
      }
      let list = candidates.prefix(10).map { "\($0.id) \"\($0.label ?? "")\"" }.joined(separator: ", ")
      throw ShellError.failed(
        command: "use", reason: "\"\(resource)\" is ambiguous: \(list); use the app id")
    } catch let error as ShellError {
      throw error
    } catch {
      throw ShellError.failed(command: "use", reason: Redaction.redact(String(describing: error)))
    }
  }

}
