import Testing

@testable import Shell

@Suite struct ArgumentParserTests {
  let submit = ArgumentParser(SubmitCommand.spec)

  func problem(_ parser: ArgumentParser, _ words: [String]) -> String? {
    do {
      _ = try parser.parse(words)
      return nil
    } catch {
      return error.problem
    }
  }

  @Test func defaultsApplyWhenFlagsAreAbsent() throws {
    let invocation = try submit.parse([])
    #expect(invocation.integer("concurrency") == 5)
    #expect(invocation.decimal("wait") == 10)
    #expect(invocation.integer("limit") == nil)
    #expect(!invocation.isSet("dry-run"))
  }

  @Test func valuesAreTypedInBothSpellings() throws {
    let invocation = try submit.parse(["--concurrency", "75", "--wait=0.25", "--dry-run", "--limit", "3"])
    #expect(invocation.integer("concurrency") == 75)
    #expect(invocation.decimal("wait") == 0.25)
    #expect(invocation.isSet("dry-run"))
    #expect(invocation.integer("limit") == 3)
  }

  @Test func concurrencyOutsideItsRangeIsRefused() {
    #expect(problem(submit, ["--concurrency", "0"]) == "--concurrency must be 1…75, got 0")
    #expect(problem(submit, ["--concurrency", "76"]) == "--concurrency must be 1…75, got 76")
    #expect(problem(submit, ["--concurrency", "five"]) == "--concurrency expects a whole number, got 'five'")
  }

  @Test func waitAcceptsDecimalsButNotNegatives() throws {
    #expect(try submit.parse(["--wait", "0"]).decimal("wait") == 0)
    #expect(problem(submit, ["--wait", "-1"]) == "--wait must be ≥ 0, got -1")
    #expect(problem(submit, ["--wait", "soon"]) == "--wait expects a number, got 'soon'")
    #expect(problem(submit, ["--wait", "inf"]) == "--wait expects a number, got 'inf'")
  }

  @Test func flagMistakesAreNamed() {
    #expect(problem(submit, ["--concurrency"]) == "--concurrency needs a value (N)")
    #expect(problem(submit, ["--dry-run=yes"]) == "--dry-run takes no value")
    #expect(problem(submit, ["--limit", "1", "--limit", "2"]) == "--limit given more than once")
    #expect(problem(submit, ["--conc", "3"]) == "unknown flag --conc (did you mean --concurrency?)")
    #expect(problem(submit, ["-x"]) == "unknown flag -x")
    #expect(problem(submit, ["extra"]) == "unexpected argument 'extra'")
  }

  @Test func requiredArgumentsAndFlagsAreEnforced() {
    let load = ArgumentParser(LoadCommand.spec)
    #expect(problem(load, []) == "missing <file>")
    let clone = ArgumentParser(CloneConditionCommand.spec)
    #expect(problem(clone, ["rco1"]) == "--auto-approve is required")
  }

  @Test func choicesAreChecked() throws {
    let export = ArgumentParser(ExportCommand.spec)
    #expect(try export.parse(["out.x", "--format", "json"]).text("format") == "json")
    #expect(problem(export, ["out.x", "--format", "xml"]) == "--format must be one of csv, json, got 'xml'")
  }

  @Test func subcommandsAcceptUniquePrefixes() throws {
    let show = ArgumentParser(ShowCommand.spec)
    #expect(try show.parse(["roster"]).subcommand == "roster")
    #expect(try show.parse(["ro"]).subcommand == "roster")
    #expect(problem(show, ["c"])?.hasPrefix("unknown 'c'; expects one of: conditions,") == true)
    #expect(problem(show, [])?.hasPrefix("expects one of: conditions") == true)
  }

  @Test func doubleDashEndsFlags() throws {
    let invocation = try ArgumentParser(LoadCommand.spec).parse(["--", "--weird-name.csv"])
    #expect(invocation.arguments == ["--weird-name.csv"])
  }

  @Test func repeatableShortFlagsKeepTheirOrder() throws {
    let invocation = try ArgumentParser(LaunchOptions.spec).parse([
      "-c", "help", "-f", "a", "--command=set x 1",
    ])
    #expect(invocation.texts("command") == ["help", "set x 1"])
    #expect(invocation.given.map(\.name) == ["command", "file", "command"])
  }

  @Test func usageErrorCarriesTheUsageLine() {
    do {
      _ = try submit.parse(["--limit", "0"])
      Issue.record("expected a usage error")
    } catch {
      #expect(error.command == "submit")
      #expect(error.description.contains("usage: submit [--concurrency N] [--wait SECONDS]"))
    }
  }
}
