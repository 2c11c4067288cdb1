import OktaAPI

/// A resource's conditions in priority order, moved as the org moves them: priorities stay contiguous
/// from 0, and placing one condition at a priority shifts those from there down by one.
struct PriorityOrder: Equatable, Sendable {
  private(set) var ids: [String]

  init(_ conditions: [RequestCondition]) {
    ids = conditions.sorted { ($0.priority ?? .max, $0.id) < ($1.priority ?? .max, $1.id) }.map(\.id)
  }

  var count: Int { ids.count }

  func priority(of id: String) -> Int? { ids.firstIndex(of: id) }

  /// Whether every condition below `id` is one of `others` (the temporary conditions may share the bottom).
  func isBelowAll(_ id: String, except others: Set<String>) -> Bool {
    guard let index = ids.firstIndex(of: id) else { return true }
    return ids[(index + 1)...].allSatisfy(others.contains)
  }

  mutating func move(_ id: String, to priority: Int) {
    guard let index = ids.firstIndex(of: id) else { return }
    ids.remove(at: index)
    ids.insert(id, at: min(max(0, priority), ids.count))
  }

  mutating func remove(_ id: String) { ids.removeAll { $0 == id } }
}
