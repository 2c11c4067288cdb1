/// Small text helpers for column layout.
extension String {
  func commonPrefix(with other: String) -> String {
    String(zip(self, other).prefix { $0 == $1 }.map(\.0))
  }

  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  func trimmingSuffix() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
