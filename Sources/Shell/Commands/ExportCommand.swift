import Foundation
import Migration

/// `export <file>`: the roster (or the audit trail) for reporting.
public enum ExportCommand: ShellCommand {
  public static let spec = CommandSpec(
    "export",
    summary: "Write the roster with request ids and states (CSV or JSON), or the audit trail",
    arguments: [ArgumentSpec("file", .path(placeholder: "FILE"), summary: "where to write (.csv or .json)")],
    flags: [
      FlagSpec(
        "format", .choice(["csv", "json"]), summary: "file format (default: from the file's extension)"),
      FlagSpec("audit", summary: "export the audit trail of API calls as JSON lines instead"),
    ],
    example: "export results.csv"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    var path = FileAccess.expandingTilde(invocation.arguments[0])
    do {
      let journal = try session.openJournal(creating: false, for: "export")
      if invocation.isSet("audit") {
        let count = try journal.exportAudit(to: path)
        session.say("wrote \(count) audit entries to \(path)")
        return
      }
      // --format wins over the extension: write JSON to a .txt if asked.
      let format = invocation.text("format") ?? (path.lowercased().hasSuffix(".json") ? "json" : "csv")
      let target = format == "json" && !path.lowercased().hasSuffix(".json") ? path + ".tmp.json" : path
      let count = try journal.exportRoster(to: target)
      if target != path {
        _ = try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: target, toPath: path)
      }
      path = (path as NSString).standardizingPath
      session.say("wrote \(count) roster rows to \(path)")
    } catch {
      throw session.fail("export", error)
    }
  }

}
