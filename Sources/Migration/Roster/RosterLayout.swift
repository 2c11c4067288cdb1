/// Which column of a roster holds what, decided from the header row and the options.
struct RosterLayout {
  var headerCount: Int
  var userIndex: Int
  var userHeader: String
  var entryIndex: Int?
  var entryHeader: String?
  var fields: [(index: Int, header: String, id: String)]
  var ignored: [String]

  init(header: DelimitedRecord, file: String, options: RosterOptions) throws(RosterIssue) {
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    let keys = names.map(RosterLayout.looseKey)
    headerCount = names.count

    func find(_ explicit: String?, aliases: [String], role: String) throws(RosterIssue) -> Int? {
      if let explicit {
        guard let index = keys.firstIndex(of: RosterLayout.looseKey(explicit)) else {
          throw RosterIssue(
            file: file, line: header.line,
            reason:
              "no column \"\(explicit)\" for the \(role); the header has: \(names.joined(separator: ", "))")
        }
        return index
      }
      for alias in aliases { if let index = keys.firstIndex(of: alias) { return index } }
      return nil
    }

    guard
      let user = try find(options.userColumn, aliases: RosterOptions.userAliases, role: "user")
    else {
      throw RosterIssue(
        file: file, line: header.line,
        reason:
          "no user column; name one user, userId, login or email, or pass --user-column (the header has: \(names.joined(separator: ", ")))"
      )
    }
    userIndex = user
    userHeader = names[user]
    entryIndex = try find(options.entryColumn, aliases: RosterOptions.entryAliases, role: "catalog entry")
    entryHeader = entryIndex.map { names[$0] }
    if entryIndex == nil && options.entry == nil {
      throw RosterIssue(
        file: file, line: header.line,
        reason: "no catalog entry column; name one entry, entryId or catalogEntryId, or pass --entry cen…")
    }
    if let entry = options.entry, !OktaID.isEntryID(entry) {
      throw RosterIssue(
        file: file, line: header.line,
        reason: "--entry \(entry) is not a catalog entry id (cen followed by 17 letters or digits)")
    }
    var fields: [(Int, String, String)] = []
    var ignored: [String] = []
    for (index, name) in names.enumerated() where index != user && index != entryIndex {
      if let prefix = RosterOptions.fieldPrefixes.first(where: { name.lowercased().hasPrefix($0) }) {
        fields.append((index, name, String(name.dropFirst(prefix.count))))
      } else if !name.isEmpty {
        ignored.append(name)
      }
    }
    self.fields = fields
    self.ignored = ignored
  }

  /// `Catalog Entry_ID` and `catalogEntryId` name the same column.
  static func looseKey(_ name: String) -> String {
    name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" }
  }
}
