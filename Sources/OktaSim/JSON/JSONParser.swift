/// A strict JSON parser over UTF-8 bytes whose errors name the line and column, so that a client sending a
/// broken body gets an answer that says where it broke.
struct JSONParser {
  /// Why a document could not be read.
  struct Failure: Error, Equatable, CustomStringConvertible {
    var message: String
    var line: Int
    var column: Int
    var description: String { "line \(line), column \(column): \(message)" }
  }

  private let bytes: [UInt8]
  private var index = 0
  private var depth = 0

  private init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Parses a whole document; trailing non-space text is an error.
  static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
    var parser = JSONParser(bytes)
    parser.skipSpace()
    let value = try parser.value()
    parser.skipSpace()
    if parser.index < bytes.count { throw parser.failure("unexpected text after the document") }
    return value
  }

  /// Parses a string's UTF-8.
  static func parse(_ text: String) throws(Failure) -> JSONValue { try parse(Array(text.utf8)) }

  private func failure(_ message: String) -> Failure {
    var line = 1
    var column = 1
    for byte in bytes[..<min(index, bytes.count)] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return Failure(message: message, line: line, column: column)
  }

  private mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private mutating func value() throws(Failure) -> JSONValue {
    guard index < bytes.count else { throw failure("unexpected end of the document") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
    }
  }

  private mutating func literal(_ word: String, _ result: JSONValue) throws(Failure) -> JSONValue {
    let utf8 = Array(word.utf8)
    guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
      throw failure("invalid literal")
    }
    index += utf8.count
    return result
  }

  private mutating func number() throws(Failure) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digits = { (bytes: [UInt8], at: Int) -> Bool in at < bytes.count && (0x30...0x39).contains(bytes[at])
    }
    guard digits(bytes, index) else { throw failure("invalid number") }
    if bytes[index] == UInt8(ascii: "0"), digits(bytes, index + 1) {
      index += 1
      throw failure("leading zeros are not allowed")
    }
    while digits(bytes, index) { index += 1 }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits(bytes, index) else { throw failure("invalid number") }
      while digits(bytes, index) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard digits(bytes, index) else { throw failure("invalid number") }
      while digits(bytes, index) { index += 1 }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else { throw failure("invalid or out-of-range number") }
    return .number(value)
  }

  private mutating func string() throws(Failure) -> String {
    index += 1
    var run = index
    var result = ""
    while true {
      guard index < bytes.count else { throw failure("unterminated string") }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        result += String(decoding: bytes[run..<index], as: UTF8.self)
        index += 1
        return result
      }
      if byte < 0x20 { throw failure("control character in string") }
      if byte == UInt8(ascii: "\\") {
        result += String(decoding: bytes[run..<index], as: UTF8.self)
        index += 1
        guard index < bytes.count else { throw failure("unterminated string") }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""): result += "\""
        case UInt8(ascii: "\\"): result += "\\"
        case UInt8(ascii: "/"): result += "/"
        case UInt8(ascii: "b"): result += "\u{08}"
        case UInt8(ascii: "f"): result += "\u{0C}"
        case UInt8(ascii: "n"): result += "\n"
        case UInt8(ascii: "r"): result += "\r"
        case UInt8(ascii: "t"): result += "\t"
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
          {
            index += 2
            let low = try hex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
          result.unicodeScalars.append(scalar)
        default: throw failure("invalid escape")
        }
        run = index
        continue
      }
      index += 1
    }
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard index + 4 <= bytes.count,
      let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { throw failure("invalid \\u escape") }
    index += 4
    return code
  }

  private mutating func array() throws(Failure) -> JSONValue {
    index += 1
    depth += 1
    defer { depth -= 1 }
    if depth > 64 { throw failure("nesting too deep") }
    var elements: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipSpace()
      elements.append(try value())
      skipSpace()
      guard index < bytes.count else { throw failure("unterminated array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      throw failure("expected ',' or ']'")
    }
  }

  private mutating func object() throws(Failure) -> JSONValue {
    index += 1
    depth += 1
    defer { depth -= 1 }
    if depth > 64 { throw failure("nesting too deep") }
    var members: [String: JSONValue] = [:]
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key") }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
      index += 1
      skipSpace()
      members[key] = try value()
      skipSpace()
      guard index < bytes.count else { throw failure("unterminated object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      throw failure("expected ',' or '}'")
    }
  }
}
