/// An Okta error answer: status plus the `error` body (errorCode, errorSummary, errorLink, errorId,
/// errorCauses).
struct OktaError: Error, Sendable, Equatable {
  /// One entry of `errorCauses`.
  struct Cause: Sendable, Equatable {
    var summary: String
    var reason: String?
    var location: String?
    var locationType: String?

    var json: JSONValue {
      var members: [String: JSONValue] = ["errorSummary": .string(summary)]
      if let reason {
        members["reason"] = .string(reason)
        members["domain"] = "governance"
      }
      if let location { members["location"] = .string(location) }
      if let locationType { members["locationType"] = .string(locationType) }
      return .object(members)
    }
  }

  var status: Int
  var code: String
  var summary: String
  var causes: [Cause] = []

  /// The body, with `errorId` supplied by the caller (unique per answer).
  func body(errorId: String) -> JSONValue {
    [
      "errorCode": .string(code), "errorSummary": .string(summary), "errorLink": .string(code),
      "errorId": .string(errorId), "errorCauses": .array(causes.map(\.json)),
    ]
  }
}

extension OktaError {
  static let invalidToken = OktaError(status: 401, code: "E0000011", summary: "Invalid token provided")
  static let notAdmin = OktaError(
    status: 403, code: "E0000006", summary: "You do not have permission to perform the requested action.",
    causes: [
      Cause(
        summary: "Authenticated user must be a Super Admin or Access Request Admin.",
        reason: "INSUFFICIENT_PERMISSIONS")
    ])
  static let notAssigned = OktaError(
    status: 403, code: "E0000195",
    summary:
      "You do not have permission to perform the requested action: not assigned to Okta Access Requests.",
    causes: [
      Cause(
        summary: "The authenticated user is not assigned to the Okta Access Requests app.",
        reason: "INSUFFICIENT_PERMISSIONS")
    ])
  static let rateLimited = OktaError(
    status: 429, code: "E0000047", summary: "API call exceeded rate limit due to too many requests.")
  static let concurrencyLimited = OktaError(
    status: 429, code: "E0000047",
    summary: "API call exceeded rate limit due to too many requests.",
    causes: [Cause(summary: "Concurrent request limit exceeded.")])
  static let internalError = OktaError(status: 500, code: "E0000009", summary: "Internal Server Error")
  static let unavailable = OktaError(
    status: 503, code: "E0000010", summary: "Service is temporarily unavailable. Try again later.")
  static let methodNotAllowed = OktaError(
    status: 405, code: "E0000022", summary: "The endpoint does not support the provided HTTP method")

  /// 404 for an unknown resource: `Not found: Resource not found: {id} ({type})`.
  static func notFound(_ id: String, _ type: String) -> OktaError {
    OktaError(status: 404, code: "E0000007", summary: "Not found: Resource not found: \(id) (\(type))")
  }

  /// 400 `E0000001` with the validator's causes.
  static func validation(_ summary: String, _ causes: [Cause]) -> OktaError {
    OktaError(status: 400, code: "E0000001", summary: "Api validation failed: \(summary)", causes: causes)
  }

  /// 400 `E0000053`.
  static func invalidFilter(_ detail: String) -> OktaError {
    OktaError(
      status: 400, code: "E0000053", summary: "Invalid SCIM filter.",
      causes: [
        Cause(summary: detail, reason: "STRING_FORMAT_INVALID", location: "/filter", locationType: "query")
      ])
  }

  /// 400 `E0000029` for a bad `limit`, `after` or `orderBy`.
  static func paging(_ detail: String, parameter: String, reason: String) -> OktaError {
    OktaError(
      status: 400, code: "E0000029", summary: "Invalid paging request.",
      causes: [Cause(summary: detail, reason: reason, location: "/\(parameter)", locationType: "query")])
  }

  /// 409 `E0000195`.
  static func conflict(_ subject: String, _ detail: String, reason: String? = nil, location: String? = nil)
    -> OktaError
  {
    OktaError(
      status: 409, code: "E0000195", summary: "Api validation failed due to conflict: \(subject)",
      causes: [
        Cause(summary: detail, reason: reason, location: location, locationType: location.map { _ in "body" })
      ])
  }

  /// 400 `E0000031` for a bad user search.
  static func invalidSearch(_ detail: String) -> OktaError {
    OktaError(
      status: 400, code: "E0000031", summary: "Invalid search criteria.", causes: [Cause(summary: detail)])
  }
}
