import Foundation

/// A paged Okta list as an `AsyncSequence` of its elements.
///
/// Fetches one page at a time, following `Link: <…>; rel="next"` (or the body's `_links.next`) to
/// the end; each page is a separate call with the client's retries. Iterate it (`for try await
/// request in client.requests(…)`), take ``pages`` for page-at-a-time work, or ``collect(limit:)``.
public struct OktaList<Element: Decodable & Sendable>: AsyncSequence, Sendable {
  let client: OktaClient
  let first: URL
  let format: PageFormat<Element>

  /// The same list, one page per element.
  public var pages: OktaPages<Element> { OktaPages(client: client, first: first, format: format) }

  /// Every element, or the first `limit`.
  public func collect(limit: Int = .max) async throws -> [Element] {
    var items: [Element] = []
    for try await item in self {
      items.append(item)
      if items.count >= limit { break }
    }
    return items
  }

  public func makeAsyncIterator() -> Iterator {
    Iterator(pages: pages.makeAsyncIterator())
  }

  public struct Iterator: AsyncIteratorProtocol {
    var pages: OktaPages<Element>.Iterator
    var buffer: [Element] = []
    var index = 0

    public mutating func next() async throws -> Element? {
      while index == buffer.count {
        guard let page = try await pages.next() else { return nil }
        buffer = page.items
        index = 0
      }
      defer { index += 1 }
      return buffer[index]
    }
  }
}

/// A paged Okta list as an `AsyncSequence` of pages.
public struct OktaPages<Element: Decodable & Sendable>: AsyncSequence, Sendable {
  let client: OktaClient
  let first: URL
  let format: PageFormat<Element>

  public func makeAsyncIterator() -> Iterator {
    Iterator(client: client, next: first, format: format)
  }

  public struct Iterator: AsyncIteratorProtocol {
    let client: OktaClient
    var next: URL?
    let format: PageFormat<Element>

    public mutating func next() async throws -> OktaPage<Element>? {
      guard let url = next else { return nil }
      let response = try await client.send(.get, url: url, body: nil)
      let decoded = try client.decode(response, method: .get, url: url) { try format.decode($0) }
      let link =
        LinkHeader.target(rel: "next", in: response.headers.values("Link")) ?? decoded.bodyNext
      next = try link.map { try client.resolveLink($0, from: url) }
      if next == url { next = nil }  // a server that links a page to itself would loop forever
      return OktaPage(items: decoded.items, next: next)
    }
  }
}
