import Testing

@testable import Shell

@MainActor @Suite struct InteractiveLoopTests {
  @Test func errorsAreReportedAndTheLoopGoesOn() async {
    let shell = TestShell()
    let reader = ScriptedLineReader(lines: ["submit", "set a 1", "set a"])
    let status = await InteractiveLoop(session: shell.session, reader: reader).run()
    #expect(status == .success)
    #expect(
      shell.stderr == "submit: no resource selected; run `connect [URL]`, then `use <resource>` first\n")
    #expect(shell.stdout == "1\n")
    #expect(reader.prompts == ["oktabulk> ", "oktabulk> ", "oktabulk> ", "oktabulk> "])
  }

  @Test func ctrlCAtThePromptJustPromptsAgain() async {
    let shell = TestShell()
    let reader = ScriptedLineReader([.line("set a 1"), .interrupted, .line("set a")])
    let status = await InteractiveLoop(session: shell.session, reader: reader).run()
    #expect(status == .success)
    #expect(shell.stdout == "1\n")
    #expect(reader.prompts.count == 4)
  }

  @Test func exitAndQuitEndTheLoopWithZero() async {
    for word in ["exit", "quit"] {
      let shell = TestShell()
      let reader = ScriptedLineReader(lines: ["bogus", word, "set a 1"])
      #expect(await InteractiveLoop(session: shell.session, reader: reader).run() == .success)
      #expect(shell.session.variables["a"] == nil)
    }
  }

  @Test func historyKeepsLinesButNotSecrets() async {
    let shell = TestShell()
    let reader = ScriptedLineReader(lines: ["set a 1", "set OKTA_CLIENT_TOKEN 00secret", "history"])
    _ = await InteractiveLoop(session: shell.session, reader: reader).run()
    #expect(reader.history == ["set a 1", "history"])
    #expect(shell.stdout == "1     set a 1\n2     history\n")
  }

  @Test func promptFollowsTheContext() async {
    let shell = TestShell()
    shell.session.context = PromptContext(orgURL: "https://acme.okta.com", resource: "Sales")
    let reader = ScriptedLineReader(lines: [])
    _ = await InteractiveLoop(session: shell.session, reader: reader).run()
    #expect(reader.prompts == ["acme.okta.com/Sales> "])
  }
}
