import Foundation

/// Decides what Tab completes in a line: command names first, then the command's sub-commands,
/// its flags, the choices of a flag's value, and file paths where the command takes a file.
public struct Completer {
  public var registry: CommandRegistry
  /// Lists a directory: (name, isDirectory) pairs. Injected so tests need no real files.
  public var listDirectory: (String) -> [(name: String, isDirectory: Bool)]

  public init(
    registry: CommandRegistry,
    listDirectory: @escaping (String) -> [(name: String, isDirectory: Bool)] = Completer.listFileSystem
  ) {
    self.registry = registry
    self.listDirectory = listDirectory
  }

  /// `line` is the text before the cursor.
  public func complete(_ line: String) -> Completion {
    // Completion works on raw words: a half-typed quote must not stop it.
    var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    let partial = line.last.map { $0 == " " } ?? true ? "" : words.removeLast()

    guard let name = words.first else {
      return .choosing(from: registry.allNames, partial: partial)
    }
    guard let spec = registry.command(named: name)?.spec else { return Completion(partial: partial) }
    let afterName = Array(words.dropFirst())

    if name == HelpCommand.spec.name, afterName.isEmpty {
      return .choosing(from: registry.allNames, partial: partial)
    }
    if !spec.subcommands.isEmpty, afterName.isEmpty, !partial.hasPrefix("-") {
      // Spec order (the migration's order), so `show c` offers `conditions` first.
      return .choosing(from: spec.subcommands.map(\.name), partial: partial, keepOrder: true)
    }
    if let previous = afterName.last, previous.hasPrefix("--"), !previous.contains("="),
      let flag = spec.flag(named: String(previous.dropFirst(2))), flag.kind != .toggle
    {
      return complete(value: partial, of: flag.kind)
    }
    if partial.hasPrefix("-") {
      let given = Set(afterName)
      let flags = spec.flags.map { "--" + $0.name }.filter { !given.contains($0) } + ["--help"]
      return .choosing(from: flags, partial: partial)
    }
    let positionals = afterName.filter { !$0.hasPrefix("-") }.count - (spec.subcommands.isEmpty ? 0 : 1)
    if spec.arguments.indices.contains(positionals) {
      let argument = spec.arguments[positionals]
      if !argument.suggestions.isEmpty { return .choosing(from: argument.suggestions, partial: partial) }
      return complete(value: partial, of: argument.kind)
    }
    return Completion(partial: partial)
  }

  private func complete(value partial: String, of kind: ValueKind) -> Completion {
    switch kind {
    case .path: completePath(partial)
    case .choice(let words): .choosing(from: words, partial: partial)
    default: Completion(partial: partial)
    }
  }

  /// `ros` → `roster.csv `, `data/` → the entries of `data/`; directories end with `/` and no space.
  func completePath(_ partial: String) -> Completion {
    let slash = partial.lastIndex(of: "/")
    let directory = slash.map { String(partial[...$0]) } ?? ""
    let base = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
    let entries = listDirectory(directory.isEmpty ? "." : directory)
      .filter { !$0.name.hasPrefix(".") || base.hasPrefix(".") }
    let directories = Set(entries.filter(\.isDirectory).map(\.name))
    let completion = Completion.choosing(from: entries.map(\.name), partial: base) {
      directories.contains($0) ? "/" : " "
    }
    return completion
  }

  /// The real file system, `~` expanded.
  public static func listFileSystem(_ directory: String) -> [(name: String, isDirectory: Bool)] {
    let path = FileAccess.expandingTilde(directory)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.map { name in
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory)
      return (name, exists && isDirectory.boolValue)
    }
  }
}
