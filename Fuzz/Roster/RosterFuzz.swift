// libFuzzer harness: one file's bytes through the roster reader (delimiter detection, CSV parser,
// header layout, row validation). Built by scripts/fuzz from Sources/Migration/Roster (Foundation only).

@_cdecl("LLVMFuzzerTestOneInput")
public func rosterFuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // Small limits too, so that the limit paths are reached by small inputs.
  let small = RosterOptions(limits: DelimitedLimits(maxRecords: 8, maxLineBytes: 64, maxFieldBytes: 16))
  let physicalLines = bytes.reduce(1) { $0 + ($1 == 10 || $1 == 13 ? 1 : 0) }
  for options in [RosterOptions(), small, RosterOptions(entry: "cen1a2b3c4d5e6f7g8h9")] {
    do {
      let result = try RosterReader.parse(bytes, file: "fuzz.csv", options: options)
      precondition(!result.rows.isEmpty || !result.issues.isEmpty, "rows after the header vanished")
      for issue in result.issues {
        precondition(issue.line >= 2 && issue.line <= physicalLines, "issue line outside the file")
        precondition(issue.description.hasPrefix("fuzz.csv:\(issue.line): "), "issue not located")
      }
      for row in result.rows {
        precondition(row.line >= 2 && row.line <= physicalLines, "row line outside the file")
        precondition(OktaID.isEntryID(row.entryID), "accepted a malformed entry id")
      }
    } catch {
      precondition(error.line >= 1 && error.line <= physicalLines, "failure line outside the file")
      precondition(error.description.hasPrefix("fuzz.csv:"), "failure not located")
    }
  }
  return 0
}
