/// A kind of misbehaviour.
public enum FaultKind: String, Codable, Sendable, CaseIterable {
  /// Answer 500 `E0000009`.
  case error500
  /// Answer 503.
  case error503
  /// Close the connection with a TCP RST before answering.
  case reset
  /// Answer correctly, but only after `delayMilliseconds` of real time.
  case slow
  /// Do the work (a POST creates its request), then close the connection without answering.
  case acceptThenDrop
  /// Answer 429 `E0000047` to every call for `seconds` of simulated time, with `X-Rate-Limit-Reset` at the
  /// storm's end.
  case storm429
  /// Answer one call with 429 `E0000047` (`X-Rate-Limit-Reset` one simulated second ahead): a brief limit hit,
  /// drawn per call by `share`, unlike a storm.
  case error429
}

/// One fault: which endpoint, what kind, how often, how many times.
public struct FaultRule: Codable, Sendable, Equatable {
  /// An endpoint name (`requests.create`, see `SimEndpoint`) or `*` for every Okta endpoint.
  public var endpoint: String
  /// What happens.
  public var kind: FaultKind
  /// Chance (0…1) that a matching call is hit.
  public var share: Double
  /// Hit at most this many calls, then the rule expires (nil = no limit).
  public var count: Int?
  /// For `slow`: the real delay in milliseconds.
  public var delayMilliseconds: Int
  /// For `storm429`: simulated seconds the storm lasts (from when it is set).
  public var seconds: Double
  /// For `storm429`: simulated epoch seconds when it ends (set when installed).
  var endsAt: Double?

  /// A rule; the defaults hit every call, without limit, with a 1 s delay or a 60 s storm.
  public init(
    endpoint: String = "*", kind: FaultKind, share: Double = 1, count: Int? = nil,
    delayMilliseconds: Int = 1000,
    seconds: Double = 60
  ) {
    self.endpoint = endpoint
    self.kind = kind
    self.share = share
    self.count = count
    self.delayMilliseconds = delayMilliseconds
    self.seconds = seconds
  }

  func applies(to endpoint: SimEndpoint) -> Bool {
    self.endpoint == "*" || self.endpoint == endpoint.rawValue
  }
}

extension FaultRule {
  /// Reads a rule from the control API's JSON: `{"endpoint", "kind", "share", "count", "delayMs", "seconds"}`.
  init(json: JSONValue) throws(ControlError) {
    guard let kindName = json["kind"]?.stringValue, let kind = FaultKind(rawValue: kindName) else {
      throw ControlError(
        "fault needs \"kind\": one of \(FaultKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let endpoint = json["endpoint"]?.stringValue ?? "*"
    guard endpoint == "*" || SimEndpoint(rawValue: endpoint) != nil else {
      throw ControlError(
        "unknown endpoint \"\(endpoint)\"; known: *, \(SimEndpoint.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    let share = json["share"]?.doubleValue ?? 1
    guard (0...1).contains(share) else { throw ControlError("share must be between 0 and 1") }
    let count = json["count"]?.intValue
    if let count, count < 1 { throw ControlError("count must be >= 1 (leave it out for no limit)") }
    let delay = json["delayMs"]?.intValue ?? 1000
    guard (0...3_600_000).contains(delay) else { throw ControlError("delayMs must be between 0 and 3600000") }
    let seconds = json["seconds"]?.doubleValue ?? 60
    guard seconds > 0, seconds <= SimClock.maximumStep else {
      throw ControlError("seconds must be > 0 and at most \(Int(SimClock.maximumStep))")
    }
    self.init(
      endpoint: endpoint, kind: kind, share: share, count: count, delayMilliseconds: delay, seconds: seconds)
  }

  var json: JSONValue {
    var members: [String: JSONValue] = [
      "endpoint": .string(endpoint), "kind": .string(kind.rawValue), "share": .number(share),
    ]
    if let count { members["count"] = .number(Double(count)) }
    if kind == .slow { members["delayMs"] = .number(Double(delayMilliseconds)) }
    if kind == .storm429 {
      members["seconds"] = .number(seconds)
      if let endsAt { members["endsAt"] = .string(Timestamp.iso(endsAt)) }
    }
    return .object(members)
  }
}

/// A mistake in a control-API call.
struct ControlError: Error, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}
