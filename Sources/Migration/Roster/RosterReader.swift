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
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
      throw RosterIssue(file: path, line: 0, reason: reason)
    }
    return try parse([UInt8](data), file: path, options: options)
  }

  /// Reads roster text already in memory; `file` names it in messages.
  public static func parse(_ bytes: [UInt8], file: String, options: RosterOptions = RosterOptions())
    throws(RosterIssue) -> RosterReadResult
  {
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
    let layout = try RosterLayout(header: header, file: file, options: options)
    var validator = RosterRowValidator(file: file, layout: layout, defaultEntry: options.entry)
    for record in records.dropFirst() { validator.accept(record) }
    return RosterReadResult(
      file: file, rows: validator.rows, issues: validator.issues, userColumn: layout.userHeader,
      entryColumn: layout.entryHeader, fieldColumns: layout.fields.map(\.header),
      ignoredColumns: layout.ignored)
  }
}
