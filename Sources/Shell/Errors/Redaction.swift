/// Removes credentials from text before it reaches the terminal, a log or the history file.
public enum Redaction {
  /// Words after which the next token is a secret (`SSWS 00abc…`, `Bearer eyJ…`, `--token X`).
  static let secretIntroducers: Set<String> = [
    "ssws", "bearer", "--token", "--client-secret", "--private-key", "--password",
  ]
  /// Names whose value (`NAME=value`) is a secret.
  static let secretNames = ["token", "secret", "password", "privatekey", "private_key", "apikey", "api_key"]

  /// True when `text` appears to carry a credential; such lines are never written to the history.
  public static func containsSecret(_ text: String) -> Bool {
    redact(text) != text || mentionsSecretName(text)
  }

  /// `text` with every credential replaced by `[redacted]`.
  public static func redact(_ text: String) -> String {
    var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    var index = 0
    while index < words.count {
      let lowered = words[index].lowercased()
      if secretIntroducers.contains(lowered), index + 1 < words.count, !words[index + 1].isEmpty {
        words[index + 1] = "[redacted]"
        index += 2
        continue
      }
      if let password = passwordInURL(words[index]) {
        words[index].replaceSubrange(password, with: "[redacted]")
      } else if let equals = lowered.firstIndex(of: "=") {
        let name = lowered[..<equals].trimmingPrefix("--").replacing("-", with: "_")
        if isSecretName(String(name)), lowered.index(after: equals) < lowered.endIndex {
          words[index] = String(words[index][...equals]) + "[redacted]"
        }
      }
      index += 1
    }
    return words.joined(separator: " ")
  }

  /// The password of `scheme://user:password@host…`, if the word is such a URL.
  private static func passwordInURL(_ word: String) -> Range<String.Index>? {
    guard let scheme = word.range(of: "://") else { return nil }
    let rest = word[scheme.upperBound...]
    let authority = rest[..<(rest.firstIndex(of: "/") ?? rest.endIndex)]
    guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":"),
      authority.index(after: colon) < at
    else { return nil }
    return authority.index(after: colon)..<at
  }

  /// `set token …`, `set OKTA_CLIENT_TOKEN …`: variables whose name says they hold a secret.
  private static func mentionsSecretName(_ text: String) -> Bool {
    let words = text.split(separator: " ").map { $0.lowercased() }
    guard words.count >= 3, words[0] == "set" else { return false }
    return isSecretName(words[1])
  }

  private static func isSecretName(_ name: String) -> Bool {
    let compact = name.lowercased().replacing("-", with: "_")
    return secretNames.contains { compact.hasSuffix($0) || compact == $0 }
  }
}
