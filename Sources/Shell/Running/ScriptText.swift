/// The lines of a script text (`\n` or `\r\n`), without a phantom empty line after the last newline.
func scriptLines(_ text: String) -> [String] {
  var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
    $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
  }
  if lines.last == "" { lines.removeLast() }
  return lines
}
