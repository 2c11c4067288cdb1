import Foundation
import OktaAPI

/// What `load` did: rows added, every rejected line with its reason, and a summary line.
public struct LoadReport: Equatable, Sendable {
  public var file: String
  /// Good rows new to the journal (a reload adds only what is new).
  public var added: Int
  public var accepted: Int
  /// Every rejected line, from the file itself or from the org (unknown user, other resource…).
  public var issues: [RosterIssue]

  public var summary: String {
    "\(file): \(accepted) rows ready, \(issues.count) rejected, \(added) new in the journal"
  }
}

extension MigrationService {
  /// How many directory lookups run at once while resolving a roster.
  public static let lookupConcurrency = 4

  /// Validates a read roster against the org (users exist and are ACTIVE, logins resolve to ids, entries
  /// exist and belong to the resource) and writes every row, good or bad, to the journal.
  public func load(_ roster: RosterReadResult) async throws -> LoadReport {
    let users = try await lookUpUsers(Set(roster.rows.map(\.user.text)))
    let entries = try await lookUpEntries(Set(roster.rows.map(\.entryID)))
    var issues = roster.issues
    var drafts = roster.issues.map {
      RosterDraft(source: roster.file, line: $0.line, userInput: "", entryID: "", invalidReason: $0.reason)
    }
    var seen: [String: Int] = [:]
    for row in roster.rows {
      var reason: String?
      var userID: String?
      switch users[row.user.text] {
      case .none, .some(.none):
        reason = row.user.isID ? "no user \(row.user.text) in the org" : "no user with login \(row.user.text)"
      case .some(.some(let user)) where user.status != "ACTIVE":
        reason =
          "user \(row.user.text) is \(user.status ?? "not active"); only ACTIVE users can be granted access"
      case .some(.some(let user)):
        userID = user.id
        reason = entryProblem(row.entryID, entries[row.entryID] ?? nil)
        if reason == nil, let first = seen["\(user.id)|\(row.entryID)"] {
          reason = "duplicate of line \(first) (\(row.user.text) is the same user)"
        }
      }
      if let reason {
        issues.append(RosterIssue(file: roster.file, line: row.line, reason: reason))
        drafts.append(
          RosterDraft(
            source: roster.file, line: row.line, userInput: row.user.text, entryID: row.entryID,
            invalidReason: reason))
        continue
      }
      seen["\(userID!)|\(row.entryID)"] = row.line
      drafts.append(
        RosterDraft(
          source: roster.file, line: row.line, userInput: row.user.text, userID: userID, entryID: row.entryID,
          fields: row.fields))
    }
    let added = try journal.addRoster(drafts)
    issues.sort { $0.line < $1.line }
    return LoadReport(file: roster.file, added: added, accepted: seen.count, issues: issues)
  }

  private func entryProblem(_ id: String, _ entry: CatalogEntry?) -> String? {
    guard let entry else { return "no catalog entry \(id)" }
    if let owner = entry.links?.relatedEntity?.targetID, OktaID.isAppID(owner), owner != resourceID {
      return "entry \(id) (\(entry.name)) belongs to resource \(owner), not \(resourceID)"
    }
    if entry.requestable == false { return "entry \(id) (\(entry.name)) is not requestable" }
    return nil
  }

  private func lookUpUsers(_ keys: Set<String>) async throws -> [String: User?] {
    try await lookUp(keys, what: "look up users") { key async throws(OrgFailure) in try await org.user(key) }
  }

  private func lookUpEntries(_ keys: Set<String>) async throws -> [String: CatalogEntry?] {
    try await lookUp(keys, what: "look up catalog entries") { key async throws(OrgFailure) in
      try await org.entry(key)
    }
  }

  /// Looks each key up once, a few at a time, waiting out rate limits rather than failing the load.
  private func lookUp<T: Sendable>(
    _ keys: Set<String>, what: String, _ fetch: @escaping @Sendable (String) async throws(OrgFailure) -> T?
  ) async throws -> [String: T?] {
    var results: [String: T?] = [:]
    var pending = keys.sorted()[...]
    while !pending.isEmpty {
      let batch = pending.prefix(Self.lookupConcurrency)
      pending = pending.dropFirst(batch.count)
      let answers = await withTaskGroup(of: (String, Result<T?, OrgFailure>).self) { group in
        for key in batch {
          group.addTask {
            do throws(OrgFailure) { return (key, .success(try await fetch(key))) } catch {
              return (key, .failure(error))
            }
          }
        }
        return await group.reduce(into: []) { $0.append($1) }
      }
      for (key, answer) in answers {
        switch answer {
        case .success(let value): results[key] = .some(value)
        case .failure(.rateLimited(let after)):
          try await clock.sleep(seconds: after ?? 1)
          pending.append(key)
        case .failure(let failure):
          throw MigrationError(failure, while: what)
        }
      }
    }
    return results
  }
}

extension RosterLine.UserReference {
  var isID: Bool { if case .id = self { true } else { false } }
}
