import Foundation

/// Small file helpers whose failures read well in messages.
public enum FileAccess {
  /// The UTF-8 text of the file at `path` (`~` expanded).
  public static func readText(_ path: String) throws -> String {
    let expanded = expandingTilde(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else {
      throw ShellError.unreadableFile(path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw ShellError.unreadableFile(path: path, reason: "is a directory")
    }
    guard let data = FileManager.default.contents(atPath: expanded) else {
      throw ShellError.unreadableFile(path: path, reason: "permission denied")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ShellError.unreadableFile(path: path, reason: "not UTF-8 text")
    }
    return text
  }

  /// `~/x` → `$HOME/x`.
  public static func expandingTilde(_ path: String, home: String? = nil) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    let home = home ?? ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    return home + path.dropFirst()
  }
}
