// libFuzzer harness: one command line through redaction, the lexer, then the argument parser.
// Built by scripts/fuzz from Sources/Shell/Lexing, Sources/Shell/Arguments, Sources/Migration/Support/Redaction.swift and ScriptText.swift,
// which need no C module.

/// A spec with every value kind, so parsing reaches each branch.
let fuzzSpec = CommandSpec(
  "submit", summary: "fuzz",
  subcommands: [],
  arguments: [ArgumentSpec("file", .path(placeholder: "FILE"), summary: "f", optional: true)],
  flags: [
    FlagSpec(
      "concurrency", short: "c", .integer(placeholder: "N", range: 1...75), summary: "c", default: "5"),
    FlagSpec("wait", .decimal(placeholder: "S", minimum: 0, maximum: nil), summary: "w", default: "10"),
    FlagSpec("limit", .integer(placeholder: "N", range: 1...Int.max), summary: "l"),
    FlagSpec("format", .choice(["csv", "json"]), summary: "f"),
    FlagSpec("name", .text(placeholder: "N"), summary: "n", repeatable: true),
    FlagSpec("dry-run", summary: "d"),
  ],
  example: "submit")

let showSpec = CommandSpec(
  "show", summary: "fuzz",
  subcommands: [SubcommandSpec("roster", summary: "r"), SubcommandSpec("rules", summary: "r")],
  example: "show roster")

@_cdecl("LLVMFuzzerTestOneInput")
public func lexerFuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  for line in scriptLines(text) {
    let characters = line.count
    // Every message and every history line goes through redaction.
    _ = Redaction.containsSecret(line)
    do {
      let words = try Lexer(variables: ["HOME": "/home/admin", "N": "5", "EMPTY": ""]).words(in: line)
      var previous = 0
      for word in words {
        precondition(word.column > previous && word.column <= characters, "word column out of order")
        previous = word.column
      }
      let texts = words.map(\.text)
      _ = try? ArgumentParser(fuzzSpec).parse(texts)
      _ = try? ArgumentParser(showSpec).parse(texts)
    } catch {
      precondition(error.column >= 1, "error column before the line")
      precondition(
        error.column <= characters + 1 || error.kind == .lineTooLong(limit: Lexer.maxLineBytes),
        "error column past the line")
      _ = error.description
    }
  }
  return 0
}
