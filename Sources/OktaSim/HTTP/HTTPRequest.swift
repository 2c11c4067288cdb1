/// One HTTP request as the server received it.
struct HTTPRequest: Sendable {
  /// `GET`, `POST`, …
  var method: String
  /// The path without the query string, percent-decoded by the server.
  var path: String
  /// Query arguments in arrival order, decoded (`+` is a space).
  var query: [(name: String, value: String?)]
  /// Header fields; names are lower-cased.
  var headers: [String: String]
  /// The body bytes.
  var body: [UInt8]
  /// Requests in flight on the server when this one arrived, this one included.
  var inFlight: Int = 1

  /// The first value of query argument `name` (nil if absent; "" if present without a value).
  func queryValue(_ name: String) -> String? {
    guard let pair = query.first(where: { $0.name == name }) else { return nil }
    return pair.value ?? ""
  }

  /// The value of header `name` (any case).
  func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// One answer.
struct HTTPResponse: Sendable {
  var status: Int
  var headers: [(String, String)] = []
  var body: [UInt8] = []

  /// A JSON answer.
  static func json(_ status: Int, _ value: JSONValue) -> HTTPResponse {
    HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: value.bytes)
  }

  /// An answer without a body (204, 201 without content).
  static func empty(_ status: Int) -> HTTPResponse { HTTPResponse(status: status) }
}

/// What the server does with a request: answer now, answer later, or misbehave at the socket level.
enum HTTPOutcome: Sendable {
  /// Answer at once.
  case respond(HTTPResponse)
  /// Answer after `milliseconds` of real time; the connection is suspended meanwhile, others keep flowing.
  case delayed(HTTPResponse, milliseconds: Int)
  /// Close the connection with a TCP RST, no answer.
  case reset
  /// Close the connection without an answer (an orderly close: FIN).
  case drop
}
