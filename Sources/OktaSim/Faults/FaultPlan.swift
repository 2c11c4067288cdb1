/// The faults in force, and the dice that decide which call they hit (seeded, so runs repeat).
struct FaultPlan: Sendable {
  private(set) var rules: [FaultRule] = []
  private var random: SeededRandom

  init(seed: UInt64, rules: [FaultRule] = [], now: Double) {
    random = SeededRandom(seed: seed ^ 0xFA17)
    for rule in rules { add(rule, now: now) }
  }

  /// Installs a rule (a storm starts now).
  mutating func add(_ rule: FaultRule, now: Double) {
    var rule = rule
    if rule.kind == .storm429 { rule.endsAt = now + rule.seconds }
    rules.append(rule)
  }

  mutating func clear() { rules.removeAll() }

  /// The storm hitting `endpoint` at `now`, if any: its end time.
  mutating func storm(for endpoint: SimEndpoint, now: Double) -> Double? {
    rules.removeAll { $0.kind == .storm429 && ($0.endsAt ?? 0) <= now }
    return rules.first { $0.kind == .storm429 && $0.applies(to: endpoint) }?.endsAt
  }

  /// Rolls the dice for one call: the first rule of `kinds` that fires, spending one of its `count`.
  mutating func draw(for endpoint: SimEndpoint, kinds: Set<FaultKind>) -> FaultRule? {
    for index in rules.indices where kinds.contains(rules[index].kind) && rules[index].applies(to: endpoint) {
      guard random.unit() < rules[index].share else { continue }
      let rule = rules[index]
      if let count = rule.count {
        if count <= 1 {
          rules.remove(at: index)
        } else {
          rules[index].count = count - 1
        }
      }
      return rule
    }
    return nil
  }
}
