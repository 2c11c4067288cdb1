/// Rows of a result with named columns; printed aligned, or as a JSON array of objects.
public struct Table: Equatable, Sendable {
  public var columns: [String]
  public var rows: [[Cell]]

  public init(columns: [String], rows: [[Cell]] = []) {
    self.columns = columns
    self.rows = rows
  }
}
