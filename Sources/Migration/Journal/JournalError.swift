/// Why a journal cannot be opened or changed. Every case names the file and the fix.
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
  case locked(path: String, holderPID: Int32?)
  case corrupt(path: String, detail: String)
  case notAJournal(path: String)
  case newerSchema(path: String, found: Int, supported: Int)
  case boundToOtherOrg(path: String, journalOrg: String, requestedOrg: String)
  case boundToOtherResource(path: String, journalResource: String, requestedResource: String)
  case illegalTransition(rowID: Int64, from: RosterState?, to: RosterState)
  case cannotCreate(path: String, reason: String)
  case storage(SQLiteError)

  public var description: String {
    switch self {
    case .locked(let path, let pid):
      let holder = pid.map { "process \($0)" } ?? "another process"
      return "\(path): journal is in use by \(holder); exit that shell first, or use --journal OTHER.db"
    case .corrupt(let path, let detail):
      return "\(path): journal failed its integrity check (\(detail)); keep a copy and start a new --journal"
    case .notAJournal(let path):
      return "\(path): not an oktabulk journal; choose another file with --journal"
    case .newerSchema(let path, let found, let supported):
      return
        "\(path): journal schema \(found) is newer than this oktabulk supports (\(supported)); upgrade oktabulk"
    case .boundToOtherOrg(let path, let journalOrg, let requestedOrg):
      return
        "\(path): journal belongs to org \(journalOrg), not \(requestedOrg); use --journal NEW.db for another org"
    case .boundToOtherResource(let path, let journalResource, let requestedResource):
      return
        "\(path): journal belongs to resource \(journalResource), not \(requestedResource); use --journal NEW.db for another resource"
    case .illegalTransition(let rowID, let from, let to):
      return "roster row \(rowID): cannot go from \(from?.rawValue ?? "missing") to \(to.rawValue)"
    case .cannotCreate(let path, let reason):
      return "\(path): cannot create journal: \(reason)"
    case .storage(let error):
      return error.description
    }
  }
}
