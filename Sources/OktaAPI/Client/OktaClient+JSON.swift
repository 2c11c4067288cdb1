import Foundation

extension OktaClient {
  /// GET and decode.
  func get<T: Decodable>(_ path: String, query: [URLQueryItem] = []) async throws -> T {
    let url = try url(path, query: query)
    let response = try await send(.get, url: url, body: nil)
    return try decode(response, method: .get, url: url) { try JSONDecoder().decode(T.self, from: $0) }
  }

  /// Send a JSON body (or none) and decode the answer.
  func call<T: Decodable & Sendable>(_ method: HTTPMethod, _ path: String, body: (some Encodable & Sendable)?)
    async throws -> T
  {
    try await answer(method, path, body: body, as: T.self).value
  }

  /// Send a JSON body (or none), expecting no content back.
  func callWithoutAnswer(_ method: HTTPMethod, _ path: String) async throws {
    _ = try await send(method, url: try url(path, query: []), body: nil)
  }

  func encode(_ body: some Encodable) throws(OktaError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    do {
      return try encoder.encode(body)
    } catch {
      throw OktaError(.invalidResponse, detail: "cannot encode the request body: \(error)")
    }
  }

  /// Decodes an answer, turning a decoding failure into an ``OktaError`` that names the field.
  func decode<T>(_ response: HTTPResponse, method: HTTPMethod, url: URL, _ decode: (Data) throws -> T)
    throws(OktaError) -> T
  {
    do {
      return try decode(response.body)
    } catch let error as DecodingError {
      throw OktaError(
        .invalidResponse, method: method, path: redactor.scrub(Self.pathAndQuery(url)),
        status: response.status, requestId: response.headers["X-Okta-Request-Id"],
        detail: Self.explain(error))
    } catch {
      throw OktaError(.invalidResponse, method: method, path: Self.pathAndQuery(url), detail: "\(error)")
    }
  }

  /// A link from an answer, resolved against the page it came from and kept on the org.
  func resolveLink(_ link: String, from page: URL) throws(OktaError) -> URL {
    guard let url = URL(string: link, relativeTo: page)?.absoluteURL, OrgURLPolicy.sameOrigin(url, as: orgURL)
    else {
      throw OktaError(.invalidResponse, detail: "the next-page link leaves the org: \(redactor.scrub(link))")
    }
    return url
  }

  static func explain(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
      return text.isEmpty ? "the body" : String(text.drop { $0 == "." })
    }
    switch error {
    case .keyNotFound(let key, let context): return "\(path(context)): missing field \(key.stringValue)"
    case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
    case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), found null"
    case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
  }

  /// A path segment, percent-encoded (logins carry `@` and `+`).
  static func segment(_ text: String) -> String { encode(text) }
}
