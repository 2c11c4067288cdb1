/// One record of a delimited file: its fields and the physical line it starts on (1-based).
public struct DelimitedRecord: Equatable, Sendable {
  public var line: Int
  public var fields: [String]
  /// A problem confined to this record (e.g. text after a closing quote); the record is reported, not used.
  public var problem: String?

  public init(line: Int, fields: [String], problem: String? = nil) {
    self.line = line
    self.fields = fields
    self.problem = problem
  }
}

/// Bounds on what a roster file may contain, so a wrong file fails fast with a clear message.
public struct DelimitedLimits: Equatable, Sendable {
  public var maxRecords: Int
  public var maxLineBytes: Int
  public var maxFieldBytes: Int

  public init(maxRecords: Int = 1_000_000, maxLineBytes: Int = 65_536, maxFieldBytes: Int = 4_096) {
    self.maxRecords = maxRecords
    self.maxLineBytes = maxLineBytes
    self.maxFieldBytes = maxFieldBytes
  }
}

/// A failure that stops reading the whole file, located by physical line and column.
public struct DelimitedParseError: Error, Equatable, Sendable {
  public var line: Int
  public var column: Int
  public var reason: String
}
