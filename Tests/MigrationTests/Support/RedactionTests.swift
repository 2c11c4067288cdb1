import Testing

@testable import Migration

@Suite struct RedactionTests {
  @Test(arguments: [
    ("Authorization: SSWS 00aBcD-secret_1", "00aBcD"),
    ("header Bearer eyJhbGciOi.x.y failed", "eyJhbGciOi"),
    ("DPoP abc.def.ghi", "abc.def"),
    (#"{"token":"t0psecret","x":1}"#, "t0psecret"),
    ("grant_type=client_credentials&client_assertion=eyJ.secret.sig&scope=x", "eyJ.secret"),
  ])
  func removesCredentials(text: String, secret: String) {
    let scrubbed = Redaction.redact(text)
    #expect(!scrubbed.contains(secret))
    #expect(scrubbed.contains("[redacted]"))
  }

  @Test func leavesOrdinaryTextAlone() {
    let text = "429 E0000047 rate limited for 00u1234567890abcdefg"
    #expect(Redaction.redact(text) == text)
  }
}
