/// A successful Okta answer before headers are added.
struct Reply: Sendable {
  var status: Int
  var body: JSONValue?
  var headers: [(String, String)] = []

  static func ok(_ body: JSONValue) -> Reply { Reply(status: 200, body: body) }
}

/// One page of a list, and the cursor of the next page if there is one.
struct Page {
  var items: [JSONValue]
  var nextAfter: String?

  /// Cuts `ids` (already filtered and ordered) after the record `after` into a page of `limit`.
  static func cut(
    _ ids: [String], after: String?, limit: Int, render: (String) -> JSONValue
  ) throws(OktaError) -> Page {
    var start = 0
    if let after {
      guard let index = ids.firstIndex(of: after) else {
        throw .paging("\(after) not found", parameter: "after", reason: "IDENTIFIER_NOT_FOUND")
      }
      start = index + 1
    }
    let end = min(ids.count, start + limit)
    let slice = start < end ? Array(ids[start..<end]) : []
    return Page(items: slice.map(render), nextAfter: end < ids.count ? slice.last : nil)
  }
}
