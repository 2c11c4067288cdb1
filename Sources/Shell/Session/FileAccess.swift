import Foundation

/// Small file helpers whose failures read well in messages.
public enum FileAccess {
  /// Scripts are read whole; a bound keeps a wrong file (a log, a disk image) from exhausting memory.
  public static let maxTextBytes = 16 << 20

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
    let size =
      (try? FileManager.default.attributesOfItem(atPath: expanded)[.size] as? NSNumber)??.intValue ?? 0
    guard size <= maxTextBytes else {
      throw ShellError.unreadableFile(
        path: path, reason: "\(size) bytes is more than the \(maxTextBytes >> 20) MB a script may have")
    }
    // Read with the same bound: a device or a pipe (`/dev/zero`) reports no size and never ends.
    // (`read` answers nil at once for an empty file.)
    guard let handle = FileHandle(forReadingAtPath: expanded),
      let data = try? handle.read(upToCount: maxTextBytes + 1) ?? Data()
    else {
      throw ShellError.unreadableFile(path: path, reason: "permission denied")
    }
    try? handle.close()
    guard data.count <= maxTextBytes else {
      throw ShellError.unreadableFile(
        path: path, reason: "more than the \(maxTextBytes >> 20) MB a script may have")
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
