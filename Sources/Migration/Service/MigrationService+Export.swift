import Foundation

extension Journal {
  /// Columns of a roster export, in order.
  public static let exportColumns = [
    "line", "user", "userId", "entryId", "state", "requestId", "requestStatus", "grantStatus", "attempts",
    "lastError", "reconciliation", "intentAt", "submittedAt", "finishedAt",
  ]

  /// Writes the roster with request ids, states and times: JSON when `path` ends in `.json`, CSV otherwise.
  /// - Returns: rows written.
  @discardableResult
  public func exportRoster(to path: String) throws -> Int {
    let rows = try rows()
    let records = rows.map(Journal.exportRecord)
    let text: String
    if path.lowercased().hasSuffix(".json") {
      let objects = records.map { record in
        Dictionary(
          uniqueKeysWithValues: zip(Journal.exportColumns, record).compactMap { key, value in
            value.map { (key, $0) }
          })
      }
      let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
      text = String(decoding: data, as: UTF8.self) + "\n"
    } else {
      let lines = [Journal.exportColumns] + records.map { $0.map { $0 ?? "" } }
      text = lines.map { $0.map(Journal.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    return rows.count
  }

  /// Writes the audit trail as JSON lines. - Returns: entries written.
  @discardableResult
  public func exportAudit(to path: String) throws -> Int {
    let text = try auditJSONLines()
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    return text.split(separator: "\n").count
  }

  static func exportRecord(_ row: RosterRow) -> [String?] {
    let time = { (date: Date?) in date.map { $0.formatted(.iso8601) } }
    return [
      String(row.line), row.userInput, row.userID, row.entryID, row.state.rawValue, row.requestID,
      row.requestStatus,
      row.grantStatus, String(row.attempts), row.lastError, row.reconciliation?.rawValue, time(row.intentAt),
      time(row.submittedAt), time(row.finishedAt),
    ]
  }

  /// Quotes a CSV field when it holds a delimiter, quote or line break; neutralises spreadsheet formulas.
  static func csvField(_ text: String) -> String {
    var value = text
    if let first = value.first, "=+-@".contains(first), !OktaID.isUserID(value) { value = "'" + value }
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
