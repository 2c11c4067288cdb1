/// Removes known secrets from text bound for a trace, an error or a log.
struct Redactor: Sendable {
  private let secrets: [String]

  init(secrets: [String]) {
    // Short values would redact ordinary words; tokens are long.
    self.secrets = secrets.filter { $0.count >= 8 }
  }

  func scrub(_ text: String) -> String {
    secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "[REDACTED]") }
  }
}

extension Redactor {
  /// Okta echoes input in error summaries; a token pasted in the wrong place must not come back.
  func scrub(_ body: OktaErrorBody) -> OktaErrorBody {
    var body = body
    body.errorSummary = body.errorSummary.map(scrub)
    body.errorCauses = body.errorCauses?.map { cause in
      var cause = cause
      cause.errorSummary = cause.errorSummary.map(scrub)
      return cause
    }
    return body
  }
}

extension Redactor: CustomReflectable {
  // `dump` of anything holding a redactor must not print what it redacts.
  var customMirror: Mirror { Mirror(self, children: ["secrets": "\(secrets.count) hidden"]) }
}
