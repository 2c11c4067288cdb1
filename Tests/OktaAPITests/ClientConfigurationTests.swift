import Foundation
import Testing

@testable import OktaAPI

@Suite struct ClientConfigurationTests {
  func configuration(_ environment: [String: String]) throws -> OktaConfiguration {
    try ConfigLoader(
      homeDirectory: "/nonexistent", workingDirectory: "/nonexistent", environment: environment
    ).load()
  }

  @Test func aClientNeedsAnOrgAndAToken() throws {
    #expect {
      _ = try OktaClient(configuration: try configuration(["OKTA_CLIENT_TOKEN": knownToken]))
    } throws: { "\($0)".contains("no org URL") }
    #expect {
      _ = try OktaClient(configuration: try configuration(["OKTA_CLIENT_ORGURL": "https://acme.okta.com"]))
    } throws: { "\($0)".contains("no API token") }
  }

  @Test func oauthModesAreRefusedClearlyForNow() throws {
    let configuration = try configuration([
      "OKTA_CLIENT_ORGURL": "https://acme.okta.com", "OKTA_CLIENT_TOKEN": knownToken,
      "OKTA_CLIENT_AUTHORIZATIONMODE": "privatekey",
    ])
    #expect(configuration.authorizationMode.value == .privateKey)
    #expect {
      _ = try OktaClient(configuration: configuration)
    } throws: {
      "\($0)".contains("env OKTA_CLIENT_AUTHORIZATIONMODE")
        && "\($0)".contains("PrivateKey is not supported yet")
    }
  }

  @Test func configuredLimitsReachTheClient() throws {
    let client = try OktaClient(
      configuration: try configuration([
        "OKTA_CLIENT_ORGURL": "http://127.0.0.1:1/", "OKTA_CLIENT_TOKEN": knownToken,
        "OKTA_CLIENT_REQUESTTIMEOUT": "0", "OKTA_CLIENT_RATELIMIT_MAXRETRIES": "4",
        "OKTA_CLIENT_RATELIMIT_MAXBACKOFF": "90",
      ]), transport: ScriptedTransport([]))
    #expect(client.orgURL.absoluteString == "http://127.0.0.1:1")
    #expect(client.requestTimeout == .zero)
    #expect(client.retryPolicy == RetryPolicy(maxRetries: 4, maxBackoff: .seconds(90)))
  }

  @Test func zeroTimeoutShowsAsNoLimit() throws {
    let entries = try configuration(["OKTA_CLIENT_REQUESTTIMEOUT": "0"]).entries
    #expect(entries.first { $0.key == .requestTimeout }?.value == "0 (no limit)")
  }
}
