/// Checks roster rows one by one, keeping good rows and a reason for every bad one.
struct RosterRowValidator {
  let file: String
  let layout: RosterLayout
  let defaultEntry: String?
  private(set) var rows: [RosterLine] = []
  private(set) var issues: [RosterIssue] = []
  /// First line of each (user, entry) pair, to name it in duplicate reports.
  private var seen: [String: Int] = [:]

  /// Okta logins are at most 100 characters.
  static let maxLoginLength = 100

  init(file: String, layout: RosterLayout, defaultEntry: String?) {
    self.file = file
    self.layout = layout
    self.defaultEntry = defaultEntry
  }

  mutating func accept(_ record: DelimitedRecord) {
    switch validate(record) {
    case .success(let line): rows.append(line)
    case .failure(let issue): issues.append(issue)
    }
  }

  private mutating func validate(_ record: DelimitedRecord) -> Result<RosterLine, RosterIssue> {
    func bad(_ reason: String) -> Result<RosterLine, RosterIssue> {
      .failure(RosterIssue(file: file, line: record.line, reason: reason))
    }
    if let problem = record.problem { return bad(problem) }
    if record.fields.count > layout.headerCount {
      return bad("\(record.fields.count) fields but the header has \(layout.headerCount)")
    }
    func cell(_ index: Int?) -> String {
      guard let index, index < record.fields.count else { return "" }
      return record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let userText = cell(layout.userIndex)
    let entryCell = cell(layout.entryIndex)
    let entry = entryCell.isEmpty ? (defaultEntry ?? "") : entryCell

    let user: RosterLine.UserReference
    switch Self.classifyUser(userText) {
    case .reference(let reference): user = reference
    case .rejected(let reason): return bad(reason)
    }
    if entry.isEmpty { return bad("missing catalog entry (column \(layout.entryHeader ?? "entry"))") }
    if !OktaID.isEntryID(entry) {
      return bad("\"\(entry)\" is not a catalog entry id (cen followed by 17 letters or digits)")
    }
    let key = "\(user.text.lowercased())|\(entry)"
    if let first = seen[key] { return bad("duplicate of line \(first) (\(user.text), \(entry))") }
    seen[key] = record.line
    var fields: [String: String] = [:]
    for field in layout.fields where !cell(field.index).isEmpty { fields[field.id] = cell(field.index) }
    return .success(RosterLine(line: record.line, user: user, entryID: entry, fields: fields))
  }

  /// An Okta id when it has the id shape; a login otherwise. Malformed ids are refused rather than
  /// sent to the Users API as logins, since `00uABC` is a typo, not a login.
  static func classifyUser(_ text: String) -> UserClassification {
    if text.isEmpty { return .rejected("missing user") }
    if OktaID.isUserID(text) { return .reference(.id(text)) }
    if text.hasPrefix("00u") && !text.contains("@") {
      return .rejected("\"\(text)\" is not an Okta user id (00u followed by 17 letters or digits)")
    }
    if text.count > maxLoginLength { return .rejected("login is longer than \(maxLoginLength) characters") }
    if text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 } == true }) {
      return .rejected("\"\(text)\" is neither a user id nor a login (it contains spaces)")
    }
    return .reference(.login(text))
  }

  enum UserClassification: Equatable {
    case reference(RosterLine.UserReference)
    case rejected(String)
  }
}
