import Foundation

/// Removes credential-shaped text before it reaches the terminal, the history file, the journal or the audit
/// trail: the one pattern-based scrubber of the project (the client's `Redactor` removes the known token
/// values themselves). It lives here, below the shell, because the journal needs it too.
public enum Redaction {
  /// Words after which the next token is a secret (`SSWS 00abc…`, `Bearer eyJ…`, `--token X`).
  static let secretIntroducers: Set<String> = [
    "ssws", "bearer", "dpop", "--token", "--client-secret", "--private-key", "--password",
  ]
  /// Punctuation that may wrap a word in a message: quotes, brackets, separators.
  static let wrapping: Set<Character> = ["(", ")", "[", "]", "{", "}", "<", ">", "\"", "'", "`", ",", ";"]
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
      // `(SSWS abc)` and `"Bearer abc"`: punctuation around the words must not hide the secret.
      let lowered = String(words[index].lowercased().drop { Self.wrapping.contains($0) })
      if secretIntroducers.contains(lowered), index + 1 < words.count, !words[index + 1].isEmpty {
        let secret = words[index + 1]
        let start = secret.firstIndex { !Self.wrapping.contains($0) } ?? secret.endIndex
        let end = secret[start...].firstIndex { Self.wrapping.contains($0) } ?? secret.endIndex
        words[index + 1] = String(secret[..<start]) + "[redacted]" + secret[end...]
        index += 2
        continue
      }
      // Indices of the word itself: lowercasing can change the length (`İ`), so `lowered`'s would trap.
      let word = words[index]
      if let password = passwordInURL(word) {
        words[index].replaceSubrange(password, with: "[redacted]")
      } else if let equals = word.firstIndex(of: "=") {
        let name = word[..<equals].lowercased().trimmingPrefix("--").replacing("-", with: "_")
        if isSecretName(String(name)), word.index(after: equals) < word.endIndex {
          words[index] = String(word[...equals]) + "[redacted]"
        }
      }
      // `https://TOKEN@host`: user info without a password may itself be the credential.
      if passwordInURL(words[index]) == nil, let scheme = words[index].firstRange(of: "://"),
        let at = words[index][scheme.upperBound...].firstIndex(of: "@"),
        !words[index][scheme.upperBound..<at].contains("/")
      {
        words[index] = String(words[index][..<scheme.upperBound]) + "[redacted]" + words[index][at...]
      }
      index += 1
    }
    return redactJSONAndFormValues(words.joined(separator: " "))
  }

  /// Keys whose value is a secret inside JSON or a form body, where no space separates the words.
  static let secretValueMarkers = ["token\":\"", "client_assertion=", "privatekey\":\"", "private_key\":\""]

  /// `{"token":"…"}` and `…&client_assertion=…&…`: the value up to its delimiter becomes `[redacted]`.
  private static func redactJSONAndFormValues(_ text: String) -> String {
    secretValueMarkers.reduce(text) { text, marker in
      var output = ""
      var rest = Substring(text)
      while let range = rest.range(of: marker, options: .caseInsensitive) {
        output += rest[..<range.upperBound]
        let tail = rest[range.upperBound...]
        let end =
          tail.firstIndex { $0 == " " || $0 == "\"" || $0 == "&" || $0 == "," || $0 == "\n" } ?? tail.endIndex
        if end > tail.startIndex { output += "[redacted]" }
        rest = tail[end...]
      }
      return output + rest
    }
  }

  /// The password of `scheme://user:password@host…`, if the word is such a URL.
  private static func passwordInURL(_ word: String) -> Range<String.Index>? {
    guard let scheme = word.firstRange(of: "://") else { return nil }
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
