import Foundation

/// A typed SCIM filter for listing access requests (`filter=` of `GET /governance/api/v2/requests`).
///
/// Combine with `&&`: `.status(.pending) && .requestedFor("00u…") && .resourceID("0oa…")`.
public struct RequestFilter: Sendable, Hashable, CustomStringConvertible {
  private let clauses: [String]

  private init(_ clauses: [String]) { self.clauses = clauses }

  private static func equals(_ field: String, _ value: String) -> RequestFilter {
    RequestFilter(["\(field) eq \(quoted(value))"])
  }

  /// SCIM string literal: quotes and backslashes escaped, so input cannot change the expression.
  private static func quoted(_ value: String) -> String {
    "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      + "\""
  }

  public static func status(_ status: RequestStatus) -> RequestFilter { equals("status", status.rawValue) }
  /// Requests for one user (`00u…`).
  public static func requestedFor(_ userID: String) -> RequestFilter { equals("requestedFor", userID) }
  /// Requests for one resource (app id `0oa…`).
  public static func resourceID(_ resourceID: String) -> RequestFilter { equals("resourceId", resourceID) }
  public static func accessScopeID(_ accessScopeID: String) -> RequestFilter {
    equals("accessScopeId", accessScopeID)
  }
  /// Requests changed after `date` (`lastUpdated gt "2026-01-01T00:00:00Z"`).
  public static func lastUpdated(after date: Date) -> RequestFilter {
    RequestFilter(["lastUpdated gt \(quoted(date.formatted(.iso8601)))"])
  }

  /// Both filters must match.
  public func and(_ other: RequestFilter) -> RequestFilter { RequestFilter(clauses + other.clauses) }

  public static func && (lhs: RequestFilter, rhs: RequestFilter) -> RequestFilter { lhs.and(rhs) }

  /// The expression as sent: `status eq "PENDING" and requestedFor eq "00u…"`.
  public var description: String { clauses.joined(separator: " and ") }
}

/// `orderBy` of the request list.
public struct RequestOrder: Sendable, Hashable, CustomStringConvertible {
  public enum Field: String, Sendable { case created, lastUpdated }
  public var field: Field
  public var ascending: Bool

  public init(_ field: Field, ascending: Bool = true) {
    self.field = field
    self.ascending = ascending
  }

  public var description: String { "\(field.rawValue) \(ascending ? "asc" : "desc")" }
}
