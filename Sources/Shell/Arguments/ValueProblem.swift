/// Why a value was refused; rendered into a usage error that names the flag.
public enum ValueProblem: Error, Equatable, Sendable {
  case notAnInteger(String)
  case notANumber(String)
  case outOfRange(String, String)
  case notAChoice(String, [String])

  var explanation: String {
    switch self {
    case .notAnInteger(let text): "expects a whole number, got '\(text)'"
    case .notANumber(let text): "expects a number, got '\(text)'"
    case .outOfRange(let text, let range): "must be \(range), got \(text)"
    case .notAChoice(let text, let words): "must be one of \(words.joined(separator: ", ")), got '\(text)'"
    }
  }
}
