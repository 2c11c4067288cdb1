import Foundation
import OktaAPI
import Testing

@testable import Shell

/// `set verbose on|off` applies to the connection already made, as a user toggling it mid-migration expects.
@Suite @MainActor struct VerboseTracingTests {
  @Test func setVerboseTurnsTracingOnAndOffForTheConnectedClient() async throws {
    let shell = TestShell()
    let transport = ScriptedTransport { _ in
      HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data("{}".utf8))
    }
    let client = try OktaClient(
      orgURL: URL(string: "https://acme.okta.com")!,
      authenticator: SSWSAuthenticator(token: Secret("00tokenNotForTraces")), transport: transport)
    shell.session.migration.client = client

    #expect(await shell.runScript("set verbose on") == .success)
    _ = try await client.send(.get, "/governance/api/v2/request-settings")
    #expect(shell.stderr.contains("http: GET /governance/api/v2/request-settings"))
    #expect(!shell.stderr.contains("00tokenNotForTraces"))

    #expect(await shell.runScript("set verbose off") == .success)
    let before = shell.stderr
    _ = try await client.send(.get, "/governance/api/v2/request-settings")
    #expect(shell.stderr == before)
  }
}
