import Foundation

/// Formatting and parsing of the two time formats Okta uses: ISO 8601 in bodies, RFC 1123 in `Date`.
enum Timestamp {
  /// `2024-05-01T12:34:56.000Z`. Written by hand: it is on the hot path of every list answer.
  static func iso(_ seconds: Double) -> String {
    var parts = tm()
    var whole = time_t(seconds.rounded(.down))
    gmtime_r(&whole, &parts)
    let millis = Int(((seconds - seconds.rounded(.down)) * 1000).rounded(.down))
    var out: [UInt8] = []
    out.reserveCapacity(24)
    func put(_ value: Int, _ width: Int) {
      var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
      var rest = value
      for index in stride(from: width - 1, through: 0, by: -1) {
        digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      }
      out += digits
    }
    put(Int(parts.tm_year) + 1900, 4)
    out.append(UInt8(ascii: "-"))
    put(Int(parts.tm_mon) + 1, 2)
    out.append(UInt8(ascii: "-"))
    put(Int(parts.tm_mday), 2)
    out.append(UInt8(ascii: "T"))
    put(Int(parts.tm_hour), 2)
    out.append(UInt8(ascii: ":"))
    put(Int(parts.tm_min), 2)
    out.append(UInt8(ascii: ":"))
    put(Int(parts.tm_sec), 2)
    out.append(UInt8(ascii: "."))
    put(millis, 3)
    out.append(UInt8(ascii: "Z"))
    return String(decoding: out, as: UTF8.self)
  }

  /// `Fri, 04 Dec 2026 20:21:05 GMT`.
  static func httpDate(_ seconds: Double) -> String {
    var parts = tm()
    var whole = time_t(seconds.rounded(.down))
    gmtime_r(&whole, &parts)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return String(
      format: "%@, %02d %@ %04d %02d:%02d:%02d GMT", days[Int(parts.tm_wday)], Int(parts.tm_mday),
      months[Int(parts.tm_mon)], Int(parts.tm_year) + 1900, Int(parts.tm_hour), Int(parts.tm_min),
      Int(parts.tm_sec))
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; nil if it is not that.
  static func parseISO(_ text: String) -> Double? {
    let chars = Array(text.utf8)
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= chars.count else { return nil }
      var value = 0
      for byte in chars[from..<from + count] {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard chars.count >= 19, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
      chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "), chars[13] == UInt8(ascii: ":"),
      chars[16] == UInt8(ascii: ":"), let year = number(0, 4), let month = number(5, 2),
      let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < chars.count, chars[index] == UInt8(ascii: ".") {
      index += 1
      var scale = 0.1
      while index < chars.count, (0x30...0x39).contains(chars[index]) {
        fraction += Double(chars[index] - 0x30) * scale
        scale /= 10
        index += 1
      }
    }
    var offset = 0
    if index < chars.count, chars[index] == UInt8(ascii: "Z") {
      index += 1
    } else if index + 6 == chars.count,
      chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-"),
      let hours = number(index + 1, 2), let minutes = number(index + 4, 2)
    {
      offset = (hours * 3600 + minutes * 60) * (chars[index] == UInt8(ascii: "-") ? -1 : 1)
      index += 6
    } else {
      return nil
    }
    guard index == chars.count else { return nil }
    var parts = tm()
    parts.tm_year = Int32(year - 1900)
    parts.tm_mon = Int32(month - 1)
    parts.tm_mday = Int32(day)
    parts.tm_hour = Int32(hour)
    parts.tm_min = Int32(minute)
    parts.tm_sec = Int32(second)
    return Double(timegm(&parts)) + fraction - Double(offset)
  }
}
