/// SplitMix64: a small, fast, reproducible generator, so that a seed always yields the same org.
struct SeededRandom: RandomNumberGenerator, Codable, Sendable {
  private(set) var state: UInt64

  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform value in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

  /// A value in [0, 1) that depends only on `seed` and `key`, whatever happened before (used for per-request
  /// decisions that must not change when other requests arrive in another order).
  static func unit(seed: UInt64, key: UInt64) -> Double {
    var generator = SeededRandom(seed: seed ^ (key &* 0xD6E8_FEB8_6659_FD93))
    return generator.unit()
  }
}

/// Okta-shaped identifiers.
enum IDShape {
  static let alphanumerics = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
  static let hexDigits = Array("0123456789abcdef")

  /// A `prefix` followed by alphanumerics up to 20 characters (`00u…`, `cen…`, `rco…`, `0oa…`, `req…`).
  static func okta(_ prefix: String, using random: inout SeededRandom) -> String {
    var id = prefix
    while id.count < 20 { id.append(alphanumerics[Int(random.next() % UInt64(alphanumerics.count))]) }
    return id
  }

  /// 24 lower-case hex digits (approval sequences).
  static func hex24(using random: inout SeededRandom) -> String {
    String((0..<24).map { _ in hexDigits[Int(random.next() % 16)] })
  }
}
