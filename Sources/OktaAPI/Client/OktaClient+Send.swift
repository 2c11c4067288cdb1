import Foundation

extension OktaClient {
  /// Sends one call with retries as ``RetryState`` decides and returns the 2xx answer.
  ///
  /// - Parameters:
  ///   - path: an absolute path below the org (`/api/v1/users/00u…`).
  ///   - idempotent: overrides the method's own idempotency for retry purposes.
  public func send(
    _ method: HTTPMethod, _ path: String, query: [URLQueryItem] = [], body: Data? = nil,
    idempotent: Bool? = nil
  ) async throws -> HTTPResponse {
    try await send(method, url: try url(path, query: query), body: body, idempotent: idempotent)
  }

  func url(_ path: String, query: [URLQueryItem]) throws(OktaError) -> URL {
    var components = URLComponents(url: orgURL, resolvingAgainstBaseURL: false)!
    // Foundation traps on an invalid percent-encoded path: encode what a caller left raw (spaces,
    // non-ASCII), keeping escapes that are already there.
    let rooted = path.hasPrefix("/") ? path : "/" + path
    components.percentEncodedPath = Self.encodePath(rooted)
    if !query.isEmpty {
      // SCIM filters carry spaces, quotes and colons: encode everything that is not unreserved.
      components.percentEncodedQuery = query.map { "\(Self.encode($0.name))=\(Self.encode($0.value ?? ""))" }
        .joined(separator: "&")
    }
    guard let url = components.url else {
      throw OktaError(.configuration, detail: "cannot build a URL for \(path)")
    }
    return url
  }

  /// Percent-encodes a path, keeping valid `%XX` escapes and encoding anything else not allowed,
  /// a stray `%` included.
  static func encodePath(_ path: String) -> String {
    let bytes = Array(path.utf8)
    func isHex(_ byte: UInt8) -> Bool {
      (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }
    var output = ""
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2])
      {
        output += String(decoding: bytes[index...(index + 2)], as: UTF8.self)
        index += 3
        continue
      }
      let scalar = Unicode.Scalar(byte)
      if byte < 128, byte != UInt8(ascii: "%"), CharacterSet.urlPathAllowed.contains(scalar) {
        output.unicodeScalars.append(scalar)
      } else {
        output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
      index += 1
    }
    return output
  }

  private static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  static func encode(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }

  func send(_ method: HTTPMethod, url: URL, body: Data?, idempotent: Bool? = nil) async throws -> HTTPResponse
  {
    guard OrgURLPolicy.sameOrigin(url, as: orgURL) else {
      throw OktaError(
        .insecureURL, method: method, detail: "refusing to send credentials to \(url.host ?? "?")")
    }
    let shownPath = redactor.scrub(Self.pathAndQuery(url))
    var retry = RetryState(policy: retryPolicy, idempotent: idempotent ?? method.isIdempotent)
    var attempt = 0
    while true {
      attempt += 1
      var request = HTTPRequest(
        method: method, url: url, headers: baseHeaders(hasBody: body != nil), body: body,
        timeout: requestTimeout, freshConnection: !method.isIdempotent)
      for field in retry.retryHeaders { request.headers.set(field.name, field.value) }
      try await authenticator.authorize(&request)

      let started = clock.uptime
      let outcome: RetryState.Outcome
      var response: HTTPResponse?
      do {
        let answer = try await transport.send(request)
        response = answer
        outcome = .response(status: answer.status, headers: answer.headers)
        record(RateLimitSnapshot(headers: answer.headers))
        trace(method, shownPath, answer, nil, started: started, attempt: attempt)
      } catch let failure as TransportError {
        outcome = .failure(failure)
        trace(method, shownPath, nil, redactor.scrub(failure.description), started: started, attempt: attempt)
      }
      if let response, (200..<300).contains(response.status) { return response }

      switch retry.decide(outcome, localNow: clock.now, jitter: Double.random(in: 0..<1)) {
      case .retry(let delay):
        try await clock.sleep(for: delay)
      case .finish:
        throw failure(method, shownPath, outcome: outcome, response: response, attempts: attempt)
      }
    }
  }

  private func baseHeaders(hasBody: Bool) -> HTTPHeaders {
    var headers: HTTPHeaders = [
      "Accept": "application/json",
      "User-Agent": "oktabulk/\(Self.version)",
    ]
    if hasBody { headers.add("Content-Type", "application/json") }
    return headers
  }

  static func pathAndQuery(_ url: URL) -> String {
    let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
    let path = components?.percentEncodedPath ?? url.path
    return components?.percentEncodedQuery.map { path + "?" + $0 } ?? path
  }

  private func trace(
    _ method: HTTPMethod, _ path: String, _ response: HTTPResponse?, _ note: String?,
    started: ContinuousClock.Instant, attempt: Int
  ) {
    guard let tracer else { return }
    tracer.record(
      TraceEvent(
        method: method, path: path, status: response?.status, latency: started.duration(to: clock.uptime),
        attempt: attempt, rateLimit: response.flatMap { RateLimitSnapshot(headers: $0.headers) },
        requestId: response?.headers["X-Okta-Request-Id"], note: note))
  }

  private func failure(
    _ method: HTTPMethod, _ path: String, outcome: RetryState.Outcome, response: HTTPResponse?, attempts: Int
  ) -> OktaError {
    switch outcome {
    case .failure(let transport):
      let kind: OktaError.Kind =
        !method.isIdempotent && transport.requestSent ? .ambiguousOutcome : .transport(transport.kind)
      return OktaError(
        kind, method: method, path: path, detail: redactor.scrub(transport.description), attempts: attempts)
    case .response(let status, let headers):
      let body = response.flatMap { try? JSONDecoder().decode(OktaErrorBody.self, from: $0.body) }
        .map(redactor.scrub)
      return OktaError(
        status == 429 ? .rateLimited : .api, method: method, path: path, status: status, body: body,
        requestId: headers["X-Okta-Request-Id"], rateLimit: RateLimitSnapshot(headers: headers),
        attempts: attempts)
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
