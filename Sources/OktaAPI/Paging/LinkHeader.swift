import Foundation

/// Reads RFC 8288 `Link` headers: `<https://…?after=x>; rel="next", <…>; rel="self"`.
enum LinkHeader {
  /// The target of the first link whose `rel` includes `relation`, across every `Link` header value.
  static func target(rel relation: String, in values: [String]) -> String? {
    for value in values {
      for link in splitLinks(value) {
        guard let open = link.firstIndex(of: "<"), let close = link.firstIndex(of: ">"), open < close else {
          continue
        }
        let target = String(link[link.index(after: open)..<close])
        let parameters = link[link.index(after: close)...].split(separator: ";")
        for parameter in parameters {
          let pair = parameter.split(separator: "=", maxSplits: 1).map {
            $0.trimmingCharacters(in: .whitespaces)
          }
          guard pair.count == 2, pair[0].lowercased() == "rel" else { continue }
          let relations = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).split(
            separator: " ")
          if relations.contains(where: { $0.lowercased() == relation }) { return target }
        }
      }
    }
    return nil
  }

  /// Splits on commas outside `<…>` (URLs may contain commas).
  private static func splitLinks(_ value: String) -> [Substring] {
    var parts: [Substring] = []
    var start = value.startIndex
    var inside = false
    for index in value.indices {
      switch value[index] {
      case "<": inside = true
      case ">": inside = false
      case "," where !inside:
        parts.append(value[start..<index])
        start = value.index(after: index)
      default: break
      }
    }
    parts.append(value[start...])
    return parts
  }
}
