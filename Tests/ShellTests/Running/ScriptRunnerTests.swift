import Testing

@testable import Shell

@MainActor @Suite struct ScriptRunnerTests {
  @Test func commentsQuotesAndVariablesWork() async {
    let shell = TestShell()
    let status = await shell.runScript(
      """
      # set up
      set who "Ada Lovelace"   # trailing comment
      set greeting 'hello $who'
      set both "$greeting, $who"
      set both
      """)
    #expect(status == .success)
    #expect(shell.stdout == "hello $who, Ada Lovelace\n")
    #expect(shell.stderr == "")
  }

  @Test func firstFailingLineStopsTheScriptWithFileAndLine() async {
    let shell = TestShell()
    let status = await shell.runScript("set a 1\nsubmit --dry-run\nset a\n", name: "migrate.oktabulk")
    #expect(status == .failure)
    #expect(
      shell.stderr
        == "migrate.oktabulk:2: submit: no resource selected; run `connect [URL]`, then `use <resource>` first\n"
    )
    #expect(shell.stdout == "")  // line 3 never ran
  }

  @Test func usageErrorsStopWithStatusTwo() async {
    let shell = TestShell()
    let status = await shell.runScript("submit --concurrency 100\nset a 1\n")
    #expect(status == .usage)
    #expect(
      shell.stderr.hasPrefix("s.oktabulk:1: submit: --concurrency must be 1…75, got 100\nusage: submit"))
    #expect(shell.session.variables["a"] == nil)
  }

  @Test func lexErrorsNameLineAndColumn() async {
    let shell = TestShell()
    let status = await shell.runScript("set a 1\nuse 'Sales\n")
    #expect(status == .usage)
    #expect(shell.stderr == "s.oktabulk:2: syntax error: unterminated single quote starting at column 5\n")
  }

  @Test func onErrorContinueRunsTheRestAndStillFails() async {
    var settings = SessionSettings()
    settings.onError = .continue
    let shell = TestShell(settings: settings)
    let status = await shell.runScript("status\nset a 1\nrestore\nset a\n")
    #expect(status == .failure)
    #expect(
      shell.stderr
        == "s.oktabulk:1: status: no journal at oktabulk.db yet; `connect`, `use <resource>` and `load <file>` start one\n"
        + "s.oktabulk:3: restore: no resource selected; run `connect [URL]`, then `use <resource>` first\n")
    #expect(shell.stdout == "1\n")
  }

  @Test func continueKeepsTheFirstFailureStatus() async {
    let shell = TestShell()
    let status = await shell.runScript("set on-error continue\nbogus\nstatus\n")
    #expect(status == .usage)
    #expect(shell.stderr.contains("s.oktabulk:2: bogus: unknown command"))
    #expect(shell.stderr.contains("s.oktabulk:3: status: no journal at oktabulk.db yet"))
  }

  @Test func echoPrintsEachLineBeforeRunningIt() async {
    var settings = SessionSettings()
    settings.echo = true
    let shell = TestShell(settings: settings)
    _ = await shell.runScript("set a 1\nset a\n")
    #expect(shell.stdout == "set a 1\nset a\n1\n")
  }

  @Test func exitStopsTheScriptKeepingItsStatus() async {
    let shell = TestShell()
    let status = await shell.runScript("set a 1\nexit\nset a 2\n")
    #expect(status == .success)
    #expect(shell.session.variables["a"] == "1")
  }

  @Test func sourceRunsNestedScriptsAndReportsTheirOwnLines() async {
    let shell = TestShell(files: ["inner.oktabulk": "set from inner\n\nretry --stuck\n"])
    let status = await shell.runScript("source inner.oktabulk\nset after yes\n", name: "outer.oktabulk")
    #expect(status == .failure)
    #expect(shell.session.variables["from"] == "inner")
    #expect(shell.session.variables["after"] == nil)
    #expect(
      shell.stderr
        == "inner.oktabulk:3: retry: no resource selected; run `connect [URL]`, then `use <resource>` first\n"
    )
  }

  @Test func sourceOfAMissingFileFails() async {
    let shell = TestShell()
    let status = await shell.runScript("source nope.oktabulk\n")
    #expect(status == .failure)
    #expect(shell.stderr == "s.oktabulk:1: nope.oktabulk: no such file\n")
  }

  @Test func sourceThatIncludesItselfStopsAtTheDepthLimit() async {
    let shell = TestShell(files: ["loop.oktabulk": "source loop.oktabulk\n"])
    let status = await shell.runScript("source loop.oktabulk\n")
    #expect(status == .failure)
    #expect(shell.stderr == "loop.oktabulk:1: loop.oktabulk: source nested more than 16 deep\n")
    #expect(shell.session.sourceDepth == 0)
  }

  @Test func anInterruptBetweenLinesStopsWith130() async {
    let shell = TestShell()
    shell.session.interrupt.raise()
    let status = await shell.runScript("set a 1\n")
    #expect(status == .interrupted)
    #expect(shell.stderr == "s.oktabulk:1: interrupted\n")
    #expect(shell.session.variables["a"] == nil)
  }
}
