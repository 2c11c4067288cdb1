import Foundation
import Testing

@testable import OktaAPI

/// The API token must never reach an error message, a trace line or a `description`.
@Suite struct SecretRedactionTests {
  func assertNoToken(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!text.contains(knownToken), "token leaked: \(text)", sourceLocation: sourceLocation)
    #expect(
      !text.contains(String(knownToken.prefix(12))), "token prefix leaked: \(text)",
      sourceLocation: sourceLocation)
  }

  @Test func secretsPrintMasked() {
    let secret = Secret(knownToken)
    var dumped = ""
    dump(secret, to: &dumped)
    for text in [
      secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret), dumped,
    ] {
      assertNoToken(text)
    }
    #expect(secret.masked == "****" + knownToken.suffix(4))
  }

  @Test func configurationAndShowConfigNeverShowTheToken() throws {
    let configuration = try ConfigLoader(
      homeDirectory: "/x", workingDirectory: "/x",
      environment: ["OKTA_CLIENT_TOKEN": knownToken, "OKTA_CLIENT_ORGURL": "https://acme.okta.com"]
    ).load()
    var dumped = ""
    dump(configuration, to: &dumped)
    assertNoToken(dumped)
    assertNoToken(String(describing: configuration))
    for entry in configuration.entries {
      assertNoToken("\(entry.key) \(entry.value) \(String(describing: entry.source))")
    }
  }

  @Test func badTokenValueIsNotEchoedInConfigErrors() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write(".okta.yaml", "okta:\n  client:\n    token:\n      - \(knownToken)\n")
    #expect {
      try ConfigLoader(homeDirectory: directory.file("x"), workingDirectory: directory.path, environment: [:])
        .load()
    } throws: { error in
      assertNoToken("\(error)")
      return true
    }
  }

  @Test func errorsTracesAndDescriptionsNeverCarryTheToken() async throws {
    // A hostile or buggy server echoes the token everywhere it can.
    let echo =
      #"{"errorCode":"E0000011","errorSummary":"Invalid token provided: SSWS \#(knownToken)","errorId":"x","errorCauses":[{"errorSummary":"\#(knownToken)"}]}"#
    let transport = ScriptedTransport { request in
      let path = request.url.path
      if path.hasSuffix("/lost") {
        throw TransportError(.connectionLost, requestSent: true, detail: "reset while sending \(knownToken)")
      }
      if path.hasSuffix("/garbled") { return .json(200, #"{"id": 5, "note": "\#(knownToken)"}"#) }
      return .json(
        401, echo, headers: ["X-Okta-Request-Id": "rid", "WWW-Authenticate": "SSWS \(knownToken)"])
    }
    let tracer = CollectingTracer()
    let client = try makeClient(transport, policy: RetryPolicy(maxRetries: 1), tracer: tracer)
    var texts: [String] = []
    func capture(_ body: () async throws -> Void) async {
      do { try await body() } catch {
        texts += ["\(error)", String(reflecting: error), error.localizedDescription]
        var dumped = ""
        dump(error, to: &dumped)
        texts.append(dumped)
      }
    }
    await capture { _ = try await client.user("ada") }
    await capture { _ = try await client.request("lost") }
    await capture { _ = try await client.createRequest(NewAccessRequest(entryID: "cen1", forUser: "lost")) }
    await capture { _ = try await client.request("garbled") }
    await capture { _ = try await client.user(knownToken) }  // pasted into the wrong field
    #expect(texts.count == 20)
    texts += tracer.lines
    #expect(tracer.lines.count >= 5)
    var dumpedClient = ""
    dump(client, to: &dumpedClient)
    texts += [String(describing: client), dumpedClient]
    for text in texts { assertNoToken(text) }
  }
}
