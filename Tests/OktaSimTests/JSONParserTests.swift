import Testing

@testable import OktaSim

@Suite("JSON parser and writer")
struct JSONParserTests {
  @Test("reads every JSON type, escapes and surrogate pairs")
  func reads() throws {
    let value = try JSONParser.parse(
      #" {"a": [1, -2.5e1, true, false, null], "s": "q\"\\\/\n\u00e9\ud83d\ude00"} "#)
    #expect(value["a"] == [1, -25, true, false, nil])
    #expect(value["s"] == .string("q\"\\/\né😀"))
  }

  @Test(
    "errors name line and column",
    arguments: [
      ("{\n  \"a\": tru\n}", 2, 8),
      ("[1, 2", 1, 6),
      ("{\"a\" 1}", 1, 6),
      ("\"unterminated", 1, 14),
      ("{} x", 1, 4),
      ("01x", 1, 2),
      ("[1e400]", 1, 7),
    ])
  func errors(text: String, line: Int, column: Int) {
    do {
      _ = try JSONParser.parse(text)
      Issue.record("\(text) was accepted")
    } catch {
      #expect(error.line == line)
      #expect(error.column == column)
    }
  }

  @Test("writes compact JSON with sorted keys and escapes, and reads back the same value")
  func roundTrip() throws {
    let value: JSONValue = ["b": [1.5, "x\n\"y\"", nil], "a": ["n": 3, "t": "\u{01}"]]
    #expect(value.serialized() == #"{"a":{"n":3,"t":"\u0001"},"b":[1.5,"x\n\"y\"",null]}"#)
    #expect(try JSONParser.parse(value.bytes) == value)
  }

  @Test("refuses nesting deeper than 64 levels instead of overflowing the stack")
  func depth() {
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(String(repeating: "[", count: 100_000)) }
  }
}
