/// The fixed shapes of Okta ids: a three-character prefix and 20 ASCII letters or digits in all.
public enum OktaID {
  /// True when `text` is a well-formed id with `prefix` (e.g. `00u`, `cen`, `rco`, `0oa`).
  public static func isValid(_ text: String, prefix: String, length: Int = 20) -> Bool {
    text.utf8.count == length && text.hasPrefix(prefix)
      && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
  }

  public static func isUserID(_ text: String) -> Bool { isValid(text, prefix: "00u") }
  public static func isEntryID(_ text: String) -> Bool { isValid(text, prefix: "cen") }
  public static func isConditionID(_ text: String) -> Bool { isValid(text, prefix: "rco") }
  public static func isAppID(_ text: String) -> Bool { isValid(text, prefix: "0oa") }
}
