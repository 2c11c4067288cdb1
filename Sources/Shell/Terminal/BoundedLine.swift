#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from stdin like `readLine()`, but keeps at most `limit + 1` bytes of each, so that a
/// runaway line (a binary piped in by mistake) cannot exhaust memory; the lexer then refuses it by length.
public enum BoundedLine {
  public static func next(limit: Int = Lexer.maxLineBytes) -> String? {
    var bytes: [UInt8] = []
    var sawAny = false
    while true {
      let character = getchar_unlocked()
      if character == EOF {
        guard sawAny else { return nil }
        break
      }
      sawAny = true
      if character == 10 { break }
      if bytes.count <= limit { bytes.append(UInt8(truncatingIfNeeded: character)) }
    }
    if bytes.last == 13 { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }
}
