import Testing

@testable import Migration
@testable import OktaSim

@Suite struct DelimitedTextParserTests {
  func parse(_ text: String, delimiter: Character = ",", limits: DelimitedLimits = DelimitedLimits()) throws
    -> [DelimitedRecord]
  {
    try DelimitedTextParser(bytes: Array(text.utf8), delimiter: delimiter.asciiValue!, limits: limits)
      .records()
  }

  @Test func plainRowsWithPhysicalLineNumbers() throws {
    let records = try parse("a,b\n1,2\n\n3,4\n")
    #expect(
      records == [
        DelimitedRecord(line: 1, fields: ["a", "b"]), DelimitedRecord(line: 2, fields: ["1", "2"]),
        DelimitedRecord(line: 4, fields: ["3", "4"]),
      ])
  }

  @Test func bomCRLFAndLoneCR() throws {
    let records = try DelimitedTextParser(
      bytes: [0xEF, 0xBB, 0xBF] + Array("user,entry\r\nx,y\r\rz,w".utf8), delimiter: UInt8(ascii: ",")
    ).records()
    #expect(records.map(\.fields) == [["user", "entry"], ["x", "y"], ["z", "w"]])
    #expect(records.map(\.line) == [1, 2, 4])
  }

  @Test func quotedFieldsKeepDelimitersQuotesAndNewlines() throws {
    let records = try parse("h1,h2\n\"a,b\",\"say \"\"hi\"\"\"\n\"multi\r\nline\",x\nlast,\"\"\n")
    #expect(records[1].fields == ["a,b", "say \"hi\""])
    #expect(records[2].fields == ["multi\nline", "x"])
    // The record after one with an embedded newline starts on physical line 5.
    #expect(records[3] == DelimitedRecord(line: 5, fields: ["last", ""]))
  }

  @Test func trailingEmptyFieldsAreKept() throws {
    #expect(try parse("a,,\n").first?.fields == ["a", "", ""])
  }

  @Test func textAfterClosingQuoteIsARecordProblemWithColumn() throws {
    let records = try parse("h\n\"ab\"c,d\nok\n")
    #expect(records[1].problem?.contains("column 5") == true)
    #expect(records[2].fields == ["ok"])
  }

  @Test func unterminatedQuoteStopsWithItsPosition() {
    #expect(
      throws: DelimitedParseError(
        line: 2, column: 3, reason: "quoted field never closed (missing \" before end of file)")
    ) {
      _ = try parse("h,h\nx,\"open\nmore\n")
    }
  }

  @Test func limitsOnRowsLinesAndFields() throws {
    let limits = DelimitedLimits(maxRecords: 2, maxLineBytes: 20, maxFieldBytes: 5)
    #expect(throws: DelimitedParseError.self) { _ = try parse("a\nb\nc\n", limits: limits) }
    #expect {
      _ = try parse("a\n" + String(repeating: "x", count: 30) + "\n", limits: limits)
    } throws: { ($0 as? DelimitedParseError)?.line == 2 }
    let records = try parse("a\n123456\n", limits: limits)
    #expect(records[1].problem?.contains("longer than 5 bytes") == true)
  }

  @Test(arguments: [
    ("user,entry\n", ","), ("user\tentry,x\n", "\t"), ("user;entry\n", ";"), ("\"a;b\",c\n", ","),
    ("\n\nuser;entry;x\n", ";"), ("user\n", ","),
  ])
  func detectsTheDelimiter(text: String, expected: Character) {
    #expect(DelimitedTextParser.detectDelimiter(Array(text.utf8)) == expected.asciiValue)
  }

  /// Fuzz: whatever the bytes, the parser returns or throws its own error; quoting round-trips.
  @Test func randomInputNeverCrashesAndQuotedFieldsRoundTrip() throws {
    var generator = SeededRandom(seed: 42)
    let alphabet = Array("ab,\"\r\n\t;é ".utf8)
    for _ in 0..<500 {
      let bytes = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }
      _ = try? DelimitedTextParser(bytes: bytes, delimiter: UInt8(ascii: ",")).records()
    }
    for _ in 0..<200 {
      let fields = (0..<3).map { _ in
        String(decoding: (0..<8).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
          .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      }
      let line = fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(
        separator: ",")
      let records = try parse("h\n" + line + "\n")
      #expect(records.last?.fields == fields)
    }
  }
}
