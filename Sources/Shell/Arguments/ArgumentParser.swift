/// Checks the words after a command name against its spec: sub-command, flags (`--name value`,
/// `--name=value`, `-x value`, `--` to end flags), value types and ranges, required arguments.
public struct ArgumentParser {
  public var spec: CommandSpec

  public init(_ spec: CommandSpec) {
    self.spec = spec
  }

  /// `words` are the words after the command name.
  public func parse(_ words: [String]) throws(UsageError) -> Invocation {
    var remaining = words[...]
    let subcommand = try takeSubcommand(&remaining)
    var arguments: [String] = []
    var occurrences: [Invocation.Occurrence] = []
    var flagsEnded = false

    while let word = remaining.popFirst() {
      guard !flagsEnded, word.hasPrefix("-"), word != "-", Double(word) == nil || word.hasPrefix("--") else {
        arguments.append(word)
        continue
      }
      if word == "--" {
        flagsEnded = true
        continue
      }
      let (flag, inlineValue) = try resolveFlag(word)
      if !flag.isRepeatable, occurrences.contains(where: { $0.name == flag.name }) {
        throw failure("--\(flag.name) given more than once")
      }
      let value: ArgumentValue
      if flag.kind == .toggle {
        guard inlineValue == nil else { throw failure("--\(flag.name) takes no value") }
        value = .toggle(true)
      } else {
        guard let text = inlineValue ?? remaining.popFirst() else {
          throw failure("--\(flag.name) needs a value (\(flag.kind.placeholder ?? "VALUE"))")
        }
        switch flag.kind.parse(text) {
        case .success(let parsed): value = parsed
        case .failure(let problem): throw failure("--\(flag.name) \(problem.explanation)")
        }
      }
      occurrences.append(.init(name: flag.name, value: value))
    }

    try check(arguments)
    for flag in spec.flags where flag.isRequired && !occurrences.contains(where: { $0.name == flag.name }) {
      throw failure("--\(flag.name) is required")
    }
    return Invocation(spec: spec, subcommand: subcommand, arguments: arguments, occurrences: occurrences)
  }

  private func takeSubcommand(_ remaining: inout ArraySlice<String>) throws(UsageError) -> String? {
    guard !spec.subcommands.isEmpty else { return nil }
    let names = spec.subcommands.map(\.name)
    guard let word = remaining.first, !word.hasPrefix("-") else {
      throw failure("expects one of: \(names.joined(separator: ", "))")
    }
    remaining.removeFirst()
    if names.contains(word) { return word }
    // An unambiguous prefix is accepted, as psql and gcloud do.
    let matches = names.filter { $0.hasPrefix(word) }
    guard matches.count == 1 else {
      throw failure("unknown '\(word)'; expects one of: \(names.joined(separator: ", "))")
    }
    return matches[0]
  }

  private func resolveFlag(_ word: String) throws(UsageError) -> (FlagSpec, String?) {
    if word.hasPrefix("--") {
      let body = word.dropFirst(2)
      let name = body.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
      let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
      guard let flag = spec.flag(named: name) else { throw unknownFlag(word) }
      return (flag, inline)
    }
    guard word.count == 2, let flag = spec.flag(short: word.last!) else { throw unknownFlag(word) }
    return (flag, nil)
  }

  private func unknownFlag(_ word: String) -> UsageError {
    let name = word.split(separator: "=").first.map(String.init) ?? word
    let suggestion = spec.flags.map { "--\($0.name)" }.first { $0.hasPrefix(name) || name.hasPrefix($0) }
    return failure("unknown flag \(name)" + (suggestion.map { " (did you mean \($0)?)" } ?? ""))
  }

  private func check(_ arguments: [String]) throws(UsageError) {
    let required = spec.arguments.filter { !$0.isOptional }
    if arguments.count < required.count {
      throw failure("missing <\(required[arguments.count].name)>")
    }
    if arguments.count > spec.arguments.count {
      let extra = arguments[spec.arguments.count]
      throw failure("unexpected argument '\(extra)'")
    }
    for (argument, spec) in zip(arguments, spec.arguments) {
      if case .failure(let problem) = spec.kind.parse(argument) {
        throw failure("<\(spec.name)> \(problem.explanation)")
      }
    }
  }

  private func failure(_ problem: String) -> UsageError {
    UsageError(command: spec.name, problem: problem, usage: spec.usage)
  }
}
