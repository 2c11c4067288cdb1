import Foundation

/// One page of a list and where the next one is.
public struct OktaPage<Element: Sendable>: Sendable {
  public var items: [Element]
  /// The `rel="next"` link, `nil` on the last page.
  public var next: URL?
}

/// How one list endpoint lays out its pages.
struct PageFormat<Element: Decodable & Sendable>: Sendable {
  let decode: @Sendable (Data) throws -> (items: [Element], bodyNext: String?)

  /// Governance lists: `{"data": [...], "_links": {"next": {"href": …}}}`.
  static var dataEnvelope: PageFormat {
    PageFormat { data in
      let envelope = try JSONDecoder().decode(DataEnvelope<Element>.self, from: data)
      return (envelope.data ?? [], envelope.links?.next?.href)
    }
  }

  /// Management lists: a bare JSON array.
  static var bareArray: PageFormat {
    PageFormat { data in (try JSONDecoder().decode([Element].self, from: data), nil) }
  }
}

private struct DataEnvelope<Element: Decodable>: Decodable {
  struct Links: Decodable { var next: Link? }
  var data: [Element]?
  var links: Links?

  enum CodingKeys: String, CodingKey {
    case data
    case links = "_links"
  }
}
