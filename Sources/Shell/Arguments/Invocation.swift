/// A command line checked against its spec: typed flag values (defaults applied) and positional arguments.
public struct Invocation: Equatable, Sendable {
  public var spec: CommandSpec
  /// The sub-command word, when the command has sub-commands.
  public var subcommand: String?
  /// Positional arguments, in order.
  public var arguments: [String]
  /// Every flag given, in the order given (repeatable flags appear once per use).
  public var given: [(name: String, value: ArgumentValue)] {
    occurrences.map { ($0.name, $0.value) }
  }

  var occurrences: [Occurrence]

  struct Occurrence: Equatable, Sendable {
    var name: String
    var value: ArgumentValue
  }

  init(spec: CommandSpec, subcommand: String?, arguments: [String], occurrences: [Occurrence]) {
    self.spec = spec
    self.subcommand = subcommand
    self.arguments = arguments
    self.occurrences = occurrences
  }

  /// The value of `flag`: the last one given, else its default, else nil.
  public func value(_ flag: String) -> ArgumentValue? {
    if let last = occurrences.last(where: { $0.name == flag }) { return last.value }
    guard let spec = spec.flag(named: flag), let text = spec.defaultValue else { return nil }
    return try? spec.kind.parse(text).get()
  }

  /// True when a toggle flag was given.
  public func isSet(_ flag: String) -> Bool {
    if case .toggle(true)? = value(flag) { return true }
    return false
  }

  public func text(_ flag: String) -> String? {
    if case .text(let text)? = value(flag) { return text }
    return nil
  }

  public func integer(_ flag: String) -> Int? {
    if case .integer(let number)? = value(flag) { return number }
    return nil
  }

  public func decimal(_ flag: String) -> Double? {
    switch value(flag) {
    case .decimal(let number)?: number
    case .integer(let number)?: Double(number)
    default: nil
    }
  }

  /// Every value given for a repeatable flag, in order.
  public func texts(_ flag: String) -> [String] {
    occurrences.compactMap {
      guard $0.name == flag, case .text(let text) = $0.value else { return nil }
      return text
    }
  }

  /// The positional argument at `index`, if given.
  public func argument(_ index: Int) -> String? {
    arguments.indices.contains(index) ? arguments[index] : nil
  }

  public static func == (lhs: Invocation, rhs: Invocation) -> Bool {
    lhs.spec == rhs.spec && lhs.subcommand == rhs.subcommand && lhs.arguments == rhs.arguments
      && lhs.occurrences == rhs.occurrences
  }
}
