import Foundation

/// Removes credentials from text before it is stored or shown: `SSWS …`, `Bearer …`, `DPoP …` tokens,
/// `token=` / `client_assertion=` / `private_key` values.
public enum SecretScrubber {
  private static let schemes = ["ssws ", "bearer ", "dpop "]
  private static let keys = [
    "token=", "token\":\"", "client_assertion=", "privatekey\":\"", "private_key\":\"",
  ]

  /// `text` with every credential-shaped value replaced by `[redacted]`.
  public static func scrub(_ text: String) -> String {
    var result = text
    for marker in schemes + keys { result = redactAfter(marker, in: result) }
    return result
  }

  private static func redactAfter(_ marker: String, in text: String) -> String {
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
