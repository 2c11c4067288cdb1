/// Turns results into text for the current output mode.
public struct Renderer: Sendable {
  public var mode: OutputMode

  public init(mode: OutputMode) {
    self.mode = mode
  }

  /// Aligned columns with a header and a rule (numbers right-aligned), or a JSON array of objects.
  /// Always ends with a newline.
  public func render(_ table: Table) -> String {
    switch mode {
    case .json:
      let objects = table.rows.map { row in
        JSONText.object(Array(zip(table.columns, row + Array(repeating: .empty, count: table.columns.count))))
      }
      return "[" + objects.joined(separator: ",\n ") + "]\n"
    case .table:
      if table.rows.isEmpty { return "(no rows)\n" }
      let widths = table.columns.indices.map { column in
        ([table.columns[column]] + table.rows.map { cell($0, column).plain }).map(\.count).max() ?? 0
      }
      var lines = [line(table.columns.map(Cell.text), widths: widths)]
      lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      lines += table.rows.map { row in line(table.columns.indices.map { cell(row, $0) }, widths: widths) }
      return lines.joined(separator: "\n") + "\n"
    }
  }

  /// `name: value` lines with aligned values, or one JSON object.
  public func render(_ record: Record) -> String {
    switch mode {
    case .json:
      return JSONText.object(record.fields) + "\n"
    case .table:
      let width = record.fields.map(\.name.count).max() ?? 0
      return record.fields.map { field in
        let label = field.name + ":" + String(repeating: " ", count: width - field.name.count)
        return (label + " " + field.value.plain).trimmingSuffix()
      }.joined(separator: "\n") + "\n"
    }
  }

  private func cell(_ row: [Cell], _ column: Int) -> Cell {
    row.indices.contains(column) ? row[column] : .empty
  }

  private func line(_ cells: [Cell], widths: [Int]) -> String {
    zip(cells, widths).map { cell, width in
      let padding = String(repeating: " ", count: max(0, width - cell.plain.count))
      return cell.isNumeric ? padding + cell.plain : cell.plain + padding
    }.joined(separator: "  ").trimmingSuffix()
  }
}
