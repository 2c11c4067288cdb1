/// A progress report for long commands: `submit: 120/5000 (2%) 3 failed, eta 2h10m`.
/// On a terminal it rewrites one line; elsewhere it prints a plain line at most every `interval` items.
public struct ProgressLine: Equatable, Sendable {
  public var label: String
  public var total: Int
  public var done = 0
  public var failed = 0

  public init(label: String, total: Int) {
    self.label = label
    self.total = total
  }

  /// The text for the current counts, with an estimate once `elapsed` seconds give a rate.
  public func text(elapsed: Double? = nil) -> String {
    let percent = total > 0 ? done * 100 / total : 100
    var text = "\(label): \(done)/\(total) (\(percent)%)"
    if failed > 0 { text += " \(failed) failed" }
    if let elapsed, done > 0, done < total {
      let remaining = elapsed / Double(done) * Double(total - done)
      text += ", eta " + Self.duration(remaining)
    }
    return text
  }

  /// `3h05m`, `4m10s`, `9s`.
  static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
    if hours > 0 { return "\(hours)h" + (minutes < 10 ? "0" : "") + "\(minutes)m" }
    if minutes > 0 { return "\(minutes)m" + (secs < 10 ? "0" : "") + "\(secs)s" }
    return "\(secs)s"
  }

  /// True when a non-terminal log should get a line for this count (every `interval` items, and the last).
  public func isDue(every interval: Int) -> Bool {
    done == total || (interval > 0 && done % interval == 0)
  }
}
