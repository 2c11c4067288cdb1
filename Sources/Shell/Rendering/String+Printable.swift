extension String {
  /// The text with C0/C1 control characters and DEL shown as `\u{1B}`, so that text from a file or an
  /// org (a roster cell, a condition name) cannot drive the terminal. `keepingLineBreaks` leaves `\n`
  /// and `\t` alone, for multi-line messages.
  func escapingControlCharacters(keepingLineBreaks: Bool) -> String {
    var result = ""
    for scalar in unicodeScalars {
      let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
      if !isControl || (keepingLineBreaks && (scalar == "\n" || scalar == "\t")) {
        result.unicodeScalars.append(scalar)
      } else {
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      }
    }
    return result
  }
}
