import Migration
import Testing

@testable import Shell

@Suite struct HistoryPolicyTests {
  let policy = HistoryPolicy()

  @Test func ordinaryLinesAreKept() {
    #expect(policy.shouldRemember("submit --concurrency 5", after: nil))
  }

  @Test func blankRepeatedAndSpacePrefixedLinesAreNot() {
    #expect(!policy.shouldRemember("   ", after: nil))
    #expect(!policy.shouldRemember("status", after: "status"))
    #expect(!policy.shouldRemember(" status", after: nil))
  }

  @Test func linesWithSecretsAreNeverKept() {
    #expect(!policy.shouldRemember("connect --token 00abcdef", after: nil))
    #expect(!policy.shouldRemember("set OKTA_CLIENT_TOKEN 00abcdef", after: nil))
    #expect(!policy.shouldRemember("set api_token=00abcdef", after: nil))
    #expect(!policy.shouldRemember("connect SSWS 00abcdef", after: nil))
  }

  @Test func historyFileComesFromTheEnvironment() {
    #expect(HistoryPolicy.path(environment: ["HOME": "/h"]) == "/h/.oktabulk_history")
    #expect(HistoryPolicy.path(environment: ["HOME": "/h", "OKTABULK_HISTORY": "/tmp/x"]) == "/tmp/x")
    #expect(HistoryPolicy.path(environment: [:]) == nil)
  }

  @Test func redactionHidesCredentialsButKeepsTheRest() {
    #expect(
      Redaction.redact("GET /users Authorization: SSWS 00secret done")
        == "GET /users Authorization: SSWS [redacted] done")
    #expect(Redaction.redact("--token=abc --org x") == "--token=[redacted] --org x")
    #expect(Redaction.redact("status --stuck") == "status --stuck")
    #expect(
      Redaction.redact("connect https://ada:hunter2@acme.okta.com/x")
        == "connect https://ada:[redacted]@acme.okta.com/x")
    #expect(Redaction.redact("connect https://acme.okta.com:443/") == "connect https://acme.okta.com:443/")
  }

  @Test func redactionSeesThroughPunctuationAroundTheSecret() {
    #expect(Redaction.redact("failed (SSWS 00secret) twice") == "failed (SSWS [redacted]) twice")
    #expect(Redaction.redact(#"header "Bearer eyJabc", then"#) == #"header "Bearer [redacted]", then"#)
    #expect(Redaction.redact(#"SSWS "00secret""#) == #"SSWS "[redacted]""#)
  }

  @Test func promptShowsOrgResourceAndStep() {
    #expect(PromptContext().prompt == "oktabulk> ")
    #expect(PromptContext(orgURL: "https://acme.okta.com/").prompt == "acme.okta.com> ")
    let full = PromptContext(orgURL: "https://acme.okta.com", resource: "Salesforce", step: "submitting")
    #expect(full.prompt == "acme.okta.com/Salesforce [submitting]> ")
  }
}
