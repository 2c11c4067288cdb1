import Foundation

/// Reads a roster (CSV or TSV with a header row) into good rows and per-line issues.
///
/// Whole-file problems (unreadable, no user column, unterminated quote, over a limit) throw a
/// ``RosterIssue``; row problems are collected so that every bad line is reported and none silently dropped.
public enum RosterReader {
  /// Reads the file at `path`.
  public static func read(path: String, options: RosterOptions = RosterOptions()) throws(RosterIssue)
    -> RosterReadResult
  {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw RosterIssue(file: path, line: 0, reason: "no such file")
    }
    if isDirectory.boolValue {
      throw RosterIssue(file: path, line: 0, reason: "is a directory, not a roster file")
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.intValue ?? 0
    if size > options.limits.maxFileBytes {
      throw RosterIssue(
        file: path, line: 0,
        reason:
          "\(size) bytes is more than the \(options.limits.maxFileBytes >> 20) MB a roster may have; split it"
      )
    }
    // Read with the same bound: a device or a pipe (`/dev/zero`) reports no size and never ends.
    // (`read` answers nil at once for an empty file.)
    guard let handle = FileHandle(forReadingAtPath: path),
      let data = try? handle.read(upToCount: options.limits.maxFileBytes + 1) ?? Data()
    else {
      throw RosterIssue(file: path, line: 0, reason: "cannot read the file (permission denied?)")
    }
    try? handle.close()
    if data.count > options.limits.maxFileBytes {
      throw RosterIssue(
        file: path, line: 0,
        reason: "more than the \(options.limits.maxFileBytes >> 20) MB a roster may have; split it")
    }
    return try parse([UInt8](data), file: path, options: options)
  }

  /// Reads roster text already in memory; `file` names it in messages.
  public static func parse(_ bytes: [UInt8], file: String, options: RosterOptions = RosterOptions())
    throws(RosterIssue) -> RosterReadResult
  {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw RosterIssue(file: file, line: 1, reason: "the file is UTF-16 text; save it as UTF-8 (CSV UTF-8)")
    }
    let delimiter = DelimitedTextParser.detectDelimiter(bytes)
    let records: [DelimitedRecord]
    do {
      records = try DelimitedTextParser(bytes: bytes, delimiter: delimiter, limits: options.limits).records()
    } catch {
      throw RosterIssue(file: file, line: error.line, column: error.column, reason: error.reason)
    }
    guard let header = records.first else {
      throw RosterIssue(file: file, line: 1, reason: "empty file; expected a header row such as user,entryId")
    }
    if let problem = header.problem {
      throw RosterIssue(file: file, line: header.line, reason: "header: " + problem)
    }
    let layout = try RosterLayout(header: header, file: file, options: options)
    guard records.count > 1 else {
      throw RosterIssue(file: file, line: header.line, reason: "no rows after the header row")
    }
    var validator = RosterRowValidator(file: file, layout: layout, defaultEntry: options.entry)
    for record in records.dropFirst() { validator.accept(record) }
    return RosterReadResult(
      file: file, rows: validator.rows, issues: validator.issues, userColumn: layout.userHeader,
      entryColumn: layout.entryHeader, fieldColumns: layout.fields.map(\.header),
      ignoredColumns: layout.ignored)
  }
}
