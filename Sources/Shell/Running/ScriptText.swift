/// The lines of a script text (`\n` or `\r\n`), without a phantom empty line after the last newline.
func scriptLines(_ text: String) -> [String] {
  // "\r\n" is one Character in Swift, so splitting on "\n" alone would leave CRLF files as one line.
  var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map
  {
    $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
  }
  if lines.last == "" { lines.removeLast() }
  return lines
}
