import Migration
import OktaAPI

/// `connect [URL]`: connect to an org with credentials from the config files or the environment.
public enum ConnectCommand: ShellCommand {
  public static let spec = CommandSpec(
    "connect",
    summary: "Connect to an org (credentials from okta.yaml or OKTA_CLIENT_*, never typed)",
    arguments: [
      ArgumentSpec(
        "url", .text(placeholder: "URL"), summary: "the org URL (default: --org or config)", optional: true)
    ],
    example: "connect https://acme.okta.com",
    discussion:
      "The API token comes from ~/.okta/okta.yaml, ./.okta.yaml or OKTA_CLIENT_TOKEN, never from the line."
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    let loader = ConfigLoader(
      environment: session.environment,
      flags: .init(
        org: invocation.argument(0) ?? session.settings.orgURL, configFile: session.settings.configFile))
    let context = session.migration
    var client: OktaClient
    do {
      let configuration = try loader.load()
      for warning in configuration.warnings { session.note("connect: \(warning)") }
      let scale = SessionClock.scale(environment: session.environment)
      client = try OktaClient(
        configuration: configuration, clock: SessionClock.make(scale: scale, origin: nil))
      // One cheap governance call proves the URL, the token and the Access Requests role.
      _ = try await client.orgRequestSettings()
      if scale != nil {
        // A scaled run follows the org's clock, so journal times and request times agree.
        context.clock = SessionClock.make(scale: scale, origin: client.rateLimit?.serverDate)
        client = try OktaClient(configuration: configuration, clock: context.clock)
      }
    } catch {
      throw session.fail("connect", error)
    }
    let orgURL = client.orgURL.absoluteString
    do { try session.openJournal().bind(orgURL: orgURL) } catch { throw session.fail("connect", error) }
    context.client = client
    context.orgURL = orgURL
    context.service = nil
    session.context.orgURL = orgURL
    session.say("connected to \(orgURL) (journal \(session.settings.journalPath))")
    // Re-entering the shell continues the same migration: select the journal's resource again.
    if let resource = try? session.openJournal().binding().resourceID {
      try await UseCommand.select(resource, in: session)
    }
  }

}
