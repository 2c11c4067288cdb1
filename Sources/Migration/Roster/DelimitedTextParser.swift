/// A byte-level CSV/TSV reader (RFC 4180 plus the habits of real exports): UTF-8 BOM, CRLF/LF/CR line ends,
/// quoted fields with embedded delimiters, newlines and doubled quotes, blank lines skipped.
///
/// Records carry the physical line they start on, so messages point at the line an editor shows.
public struct DelimitedTextParser {
  private let bytes: [UInt8]
  private let delimiter: UInt8
  private let limits: DelimitedLimits

  private static let quote = UInt8(ascii: "\"")
  private static let lf = UInt8(ascii: "\n")
  private static let cr = UInt8(ascii: "\r")

  public init(bytes: [UInt8], delimiter: UInt8, limits: DelimitedLimits = DelimitedLimits()) {
    self.bytes = bytes
    self.delimiter = delimiter
    self.limits = limits
  }

  /// Guesses the delimiter from the first non-blank line: a tab if there is one outside quotes, else
  /// whichever of `,` and `;` is more frequent (`,` on a tie or when neither appears).
  public static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
    var counts: [UInt8: Int] = [:]
    var quoted = false
    var seenContent = false
    for byte in bytes.dropFirst(hasBOM(bytes) ? 3 : 0) {
      if byte == quote { quoted.toggle() }
      if !quoted && (byte == lf || byte == cr) {
        if seenContent { break }
        continue
      }
      seenContent = true
      if !quoted, byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") {
        counts[byte, default: 0] += 1
      }
    }
    if counts[UInt8(ascii: "\t"), default: 0] > 0 { return UInt8(ascii: "\t") }
    return counts[UInt8(ascii: ";"), default: 0] > counts[UInt8(ascii: ","), default: 0]
      ? UInt8(ascii: ";") : UInt8(ascii: ",")
  }

  static func hasBOM(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
  }

  /// Every non-blank record of the input.
  public func records() throws(DelimitedParseError) -> [DelimitedRecord] {
    var cursor = Cursor(position: DelimitedTextParser.hasBOM(bytes) ? 3 : 0)
    var records: [DelimitedRecord] = []
    while cursor.position < bytes.count {
      let record = try readRecord(&cursor)
      if record.fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) && record.problem == nil { continue }
      if records.count == limits.maxRecords {
        throw DelimitedParseError(
          line: record.line, column: 1,
          reason: "more than \(limits.maxRecords) rows; split the roster into smaller files")
      }
      records.append(record)
    }
    return records
  }

  /// Where the reader is: byte offset, physical line, and the offset at which that line began.
  private struct Cursor {
    var position: Int
    var line = 1
    var lineStart = 0
    var column: Int { position - lineStart + 1 }

    init(position: Int) {
      self.position = position
      lineStart = position
    }
  }

  private func readRecord(_ cursor: inout Cursor) throws(DelimitedParseError) -> DelimitedRecord {
    let startLine = cursor.line
    var fields: [String] = []
    var field: [UInt8] = []
    var problem: String?
    var atFieldStart = true
    var afterClosingQuote = false

    func finishField() {
      if problem == nil && field.count > limits.maxFieldBytes {
        problem = "field \(fields.count + 1) is longer than \(limits.maxFieldBytes) bytes"
      }
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      atFieldStart = true
      afterClosingQuote = false
    }

    while cursor.position < bytes.count {
      let byte = bytes[cursor.position]
      if byte == DelimitedTextParser.lf || byte == DelimitedTextParser.cr {
        try consumeLineEnd(&cursor)
        finishField()
        return DelimitedRecord(line: startLine, fields: fields, problem: problem)
      }
      try checkLineLength(cursor)
      cursor.position += 1
      if byte == delimiter {
        finishField()
      } else if atFieldStart && byte == DelimitedTextParser.quote {
        try readQuoted(&cursor, into: &field)
        atFieldStart = false
        afterClosingQuote = true
      } else if afterClosingQuote {
        if problem == nil {
          problem =
            "column \(cursor.column - 1): unexpected text after a closing quote (double a quote inside quotes)"
        }
      } else {
        atFieldStart = false
        field.append(byte)
      }
    }
    finishField()
    return DelimitedRecord(line: startLine, fields: fields, problem: problem)
  }

  /// Reads a quoted field's content after its opening quote, up to and including the closing quote.
  private func readQuoted(_ cursor: inout Cursor, into field: inout [UInt8]) throws(DelimitedParseError) {
    let openLine = cursor.line
    let openColumn = cursor.column - 1
    while cursor.position < bytes.count {
      let byte = bytes[cursor.position]
      if byte == DelimitedTextParser.quote {
        if cursor.position + 1 < bytes.count && bytes[cursor.position + 1] == DelimitedTextParser.quote {
          field.append(byte)
          cursor.position += 2
          continue
        }
        cursor.position += 1
        return
      }
      if byte == DelimitedTextParser.lf || byte == DelimitedTextParser.cr {
        try consumeLineEnd(&cursor)
        field.append(DelimitedTextParser.lf)
        continue
      }
      try checkLineLength(cursor)
      field.append(byte)
      cursor.position += 1
    }
    throw DelimitedParseError(
      line: openLine, column: openColumn, reason: "quoted field never closed (missing \" before end of file)")
  }

  /// Steps over `\n`, `\r\n` or a lone `\r`, counting one physical line.
  private func consumeLineEnd(_ cursor: inout Cursor) throws(DelimitedParseError) {
    if bytes[cursor.position] == DelimitedTextParser.cr, cursor.position + 1 < bytes.count,
      bytes[cursor.position + 1] == DelimitedTextParser.lf
    {
      cursor.position += 1
    }
    cursor.position += 1
    cursor.line += 1
    cursor.lineStart = cursor.position
  }

  private func checkLineLength(_ cursor: Cursor) throws(DelimitedParseError) {
    if cursor.position - cursor.lineStart >= limits.maxLineBytes {
      throw DelimitedParseError(
        line: cursor.line, column: limits.maxLineBytes,
        reason: "line is longer than \(limits.maxLineBytes) bytes; is this a roster file?")
    }
  }
}
