@testable import Shell

/// Malformed lines derived from every command's spec, so new flags get hostile cases without edits here:
/// unknown flags, missing values, wrong types, out-of-range numbers, repeats, surplus arguments.
enum SpecDerivedCases {
  static func all(_ registry: CommandRegistry = .standard) -> [Corpus.CommandCase] {
    registry.commands.flatMap { cases(for: $0.spec) }
  }

  static func cases(for spec: CommandSpec) -> [Corpus.CommandCase] {
    let base = baseLine(spec)
    var cases = [
      Corpus.CommandCase(line: base + " --no-such-flag", expect: "unknown flag --no-such-flag"),
      Corpus.CommandCase(line: base + " --no-such-flag=1", expect: "unknown flag --no-such-flag"),
      Corpus.CommandCase(
        line: base + " "
          + Array(repeating: "surplus", count: spec.arguments.count + 1).joined(separator: " "),
        expect: "unexpected argument 'surplus'"),
    ]
    for flag in spec.flags {
      let name = "--\(flag.name)"
      if !flag.isRepeatable, !flag.isRequired {
        let value = validValue(flag.kind).map { " " + $0 } ?? ""
        cases.append(
          .init(line: "\(base) \(name)\(value) \(name)\(value)", expect: "\(name) given more than once"))
      }
      switch flag.kind {
      case .toggle where flag.isRequired:
        break
      case .toggle:
        cases.append(.init(line: "\(base) \(name)=yes", expect: "\(name) takes no value"))
      case .text, .path:
        cases.append(.init(line: "\(base) \(name)", expect: "\(name) needs a value"))
      case .integer(_, let range):
        cases.append(.init(line: "\(base) \(name)", expect: "\(name) needs a value"))
        for text in ["many", "1.5", "0x1F", "99999999999999999999999999", "--"] {
          cases.append(.init(line: "\(base) \(name) \(text)", expect: "\(name) expects a whole number"))
        }
        if range.lowerBound > Int.min {
          cases.append(.init(line: "\(base) \(name) \(range.lowerBound - 1)", expect: "\(name) must be"))
        }
        if range.upperBound < Int.max {
          cases.append(.init(line: "\(base) \(name) \(range.upperBound + 1)", expect: "\(name) must be"))
          cases.append(.init(line: "\(base) \(name) \(range.upperBound * 1000)", expect: "\(name) must be"))
        }
      case .decimal(_, let minimum, let maximum):
        cases.append(.init(line: "\(base) \(name)", expect: "\(name) needs a value"))
        for text in ["soon", "nan", "inf", "1e999", "1,5"] {
          cases.append(.init(line: "\(base) \(name) \(text)", expect: "\(name) expects a number"))
        }
        cases.append(.init(line: "\(base) \(name) \(minimum - 1)", expect: "\(name) must be"))
        if let maximum {
          cases.append(.init(line: "\(base) \(name) \(maximum + 1)", expect: "\(name) must be"))
        }
      case .choice:
        cases.append(.init(line: "\(base) \(name)", expect: "\(name) needs a value"))
        cases.append(.init(line: "\(base) \(name) no-such-choice", expect: "\(name) must be one of"))
        cases.append(.init(line: "\(base) \(name)=", expect: "\(name) must be one of"))
      }
    }
    return cases
  }

  /// The command, its first sub-command, placeholder arguments and required flags: a line that parses.
  static func baseLine(_ spec: CommandSpec) -> String {
    var words = [spec.name]
    if let first = spec.subcommands.first { words.append(first.name) }
    for argument in spec.arguments where !argument.isOptional {
      words.append(validValue(argument.kind) ?? "x")
    }
    for flag in spec.flags where flag.isRequired {
      words.append("--\(flag.name)")
      if let value = validValue(flag.kind) { words.append(value) }
    }
    return words.joined(separator: " ")
  }

  static func validValue(_ kind: ValueKind) -> String? {
    switch kind {
    case .toggle: nil
    case .text: "x"
    case .path: "/nonexistent/hostile-input"
    case .integer(_, let range): String(range.lowerBound)
    case .decimal(_, let minimum, _): ValueKind.format(minimum)
    case .choice(let words): words.first
    }
  }
}
