import Testing

@testable import Shell

@MainActor @Suite struct CommandContractTests {
  /// DESIGN.md's command table.
  nonisolated static let contract = [
    "connect", "use", "load", "show", "clone-condition", "submit", "status", "retry", "restore", "export",
    "source", "set", "help", "history", "exit",
  ]

  @Test func everyContractCommandExists() {
    #expect(CommandRegistry.standard.commands.map { $0.spec.name } == Self.contract)
    #expect(CommandRegistry.standard.command(named: "quit")?.spec.name == "exit")
  }

  @Test(arguments: contract)
  func everyExampleParsesAgainstItsOwnSpec(name: String) throws {
    let spec = try #require(CommandRegistry.standard.command(named: name)).spec
    let words = try Lexer().words(in: spec.example).map(\.text)
    #expect(words.first == name)
    _ = try ArgumentParser(spec).parse(Array(words.dropFirst()))
  }

  @Test func contractFlagsAreDeclared() {
    func flags(_ name: String) -> [String] {
      CommandRegistry.standard.command(named: name)!.spec.flags.map(\.name)
    }
    #expect(flags("submit") == ["concurrency", "wait", "dry-run", "limit", "background"])
    #expect(flags("status") == ["refresh", "stuck", "user"])
    #expect(flags("clone-condition") == ["auto-approve", "sequence", "name", "keep-originals", "dry-run"])
    #expect(flags("export").contains("audit"))
    #expect(flags("load") == ["user-column", "entry-column", "entry"])
    #expect(
      ShowCommand.spec.subcommands.map(\.name)
        == ["conditions", "sequences", "settings", "entries", "roster", "changes", "config"])
  }

  nonisolated static let needsResource =
    "no resource selected; run `connect [URL]`, then `use <resource>` first"
  nonisolated static let needsJournal =
    "no journal at oktabulk.db yet; `connect`, `use <resource>` and `load <file>` start one"

  @Test(arguments: [
    ("use x", "use: not connected; run `connect [URL]` first"), ("load f.csv", "load: \(needsResource)"),
    ("show roster", "show roster: \(needsJournal)"),
    ("clone-condition rco1 --auto-approve", "clone-condition: \(needsResource)"),
    ("submit", "submit: \(needsResource)"), ("status", "status: \(needsJournal)"),
    ("retry --failed", "retry: \(needsResource)"), ("restore", "restore: \(needsResource)"),
    ("export out.csv --audit", "export: \(needsJournal)"),
  ])
  func commandsBeforeTheirPrerequisitesNameTheStepToRunFirst(line: String, message: String) async {
    let shell = TestShell()
    let status = await shell.runScript(line)
    #expect(status == .failure)
    #expect(shell.stderr == "s.oktabulk:1: \(message)\n")
  }

  @Test func helpListsEveryCommandAndExplainsOne() async {
    let shell = TestShell()
    _ = await shell.runScript("help\nhelp clone-condition")
    for name in Self.contract { #expect(shell.stdout.contains("\n  \(name) ")) }
    #expect(shell.stdout.contains("usage: clone-condition <condition> --auto-approve [--sequence ID|NAME]"))
    #expect(shell.stdout.contains("--auto-approve"))
    #expect(shell.stdout.contains("Example:\n  clone-condition \"Standard access\" --auto-approve"))
  }

  @Test func helpForAnUnknownCommandIsAUsageError() async {
    let shell = TestShell()
    #expect(await shell.runScript("help nosuch") == .usage)
    #expect(shell.stderr.hasPrefix("s.oktabulk:1: help: unknown command 'nosuch'"))
  }

  @Test func setChangesSettingsAndRefusesBadValues() async {
    let shell = TestShell()
    #expect(await shell.runScript("set output json\nset verbose on\nset on-error continue") == .success)
    #expect(shell.session.settings.output == .json)
    #expect(shell.session.settings.verbose)
    #expect(shell.session.settings.onError == .continue)
    #expect(await TestShell().runScript("set output xml") == .usage)
    #expect(await TestShell().runScript("set 9lives x") == .usage)
    #expect(await TestShell().runScript("set missing") == .usage)
  }

  @Test func setListsSettingsAndVariablesButHidesSecrets() async {
    let shell = TestShell()
    _ = await shell.runScript("set region emea\nset api_token 00abc\nset output json\nset")
    #expect(shell.stdout.contains(#"{"name":"$region","value":"emea"}"#))
    #expect(shell.stdout.contains(#"{"name":"$api_token","value":"[redacted]"}"#))
    #expect(!shell.stdout.contains("00abc"))
  }

  @Test func showConfigNeverPrintsTheToken() async {
    let shell = TestShell()
    shell.session.environment = [
      "OKTA_CLIENT_TOKEN": "00supersecret", "OKTA_CLIENT_ORGURL": "https://acme.okta.com",
    ]
    #expect(await shell.runScript("show config") == .success)
    #expect(shell.stdout.contains("org:      https://acme.okta.com"))
    #expect(shell.stdout.contains("token:    set (OKTA_CLIENT_TOKEN)"))
    #expect(!shell.stdout.contains("00supersecret"))
  }

  @Test func sessionSlotsHoldValuesAddedByOtherFiles() {
    enum Counter: SessionKey { static var defaultValue: Int { 0 } }
    let session = TestShell().session
    #expect(session[Counter.self] == 0)
    session[Counter.self] += 2
    #expect(session[Counter.self] == 2)
  }
}
