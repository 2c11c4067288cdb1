import Foundation
import Migration
import OktaAPI
import OktaSim
import TestSupport
import Testing

@testable import Shell

/// A whole migration with a known API token, then a search for that token everywhere the tool writes:
/// stdout, stderr (with --verbose traces), the history file, the journal and its side files, the audit
/// trail and every export. Zero hits.
@MainActor @Suite(.serialized) struct SecretsTests {
  static let token = ConnectedShell.token
  /// The token without the 4 characters `Secret.masked` may show: no part of it beyond those may leak.
  static let unmaskable = String(ConnectedShell.token.dropLast(4))

  @Test func aWholeMigrationLeavesTheTokenNowhere() async throws {
    let shell = try ConnectedShell(verbose: true)
    defer { shell.stop() }
    // The token also sits in a config file that others can read: a warning, never the value.
    let config = try shell.dir.write(
      "okta.yaml", "okta:\n  client:\n    orgUrl: \(shell.sim.baseURL)\n    token: \(Self.token)\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config)
    shell.session.settings.configFile = config
    let roster = try shell.dir.write("roster.csv", OktaSimulator.demoRoster(seed: 1).csv)
    let results = shell.dir.path("results.csv")
    let json = shell.dir.path("results.json")
    let audit = shell.dir.path("audit.jsonl")
    let migration = [
      "connect", "use Salesforce", "show config",
      "clone-condition 'Everyone - manager approval' --auto-approve",
      "load \(roster)", "submit --concurrency 5 --wait 10", "status --refresh", "export \(results)",
      "export \(json)", "export \(audit) --audit", "restore", "show changes",
    ]
    let status = await shell.run(migration)
    #expect(status == .success, "\(shell.output.standardError)")
    #expect(shell.output.standardError.contains("http: POST /governance/api/v2/requests 20"))
    #expect(shell.output.standardError.contains("\(config): readable by group or others"))

    // What people type when they try to hand the shell a token anyway.
    let attempts = [
      "connect --token \(Self.token)", "connect --token=\(Self.token)", "set OKTA_CLIENT_TOKEN \(Self.token)",
      "set apiToken \(Self.token)", "set", "show config", "connect https://x:\(Self.token)@acme.okta.com",
      "export \(shell.dir.path("again.csv"))",
    ]
    await shell.run(attempts, name: "attempts.oktabulk")
    let history = shell.dir.path("history")
    let reader = EditLineReader(historyPath: history) { _ in Completion() }
    for line in migration + attempts { reader.remember(line) }
    shell.session.closeMigration()

    var places: [(String, [UInt8])] = [
      ("stdout", Array(shell.output.standardOutput.utf8)), ("stderr", Array(shell.output.standardError.utf8)),
    ]
    let files = try FileManager.default.contentsOfDirectory(atPath: shell.dir.url.path).filter {
      $0 != "okta.yaml" && $0 != "roster.csv"
    }
    for name in files {
      places.append((name, try [UInt8](Data(contentsOf: shell.dir.url.appendingPathComponent(name)))))
    }
    #expect(files.contains("journal.db") && files.contains("history") && files.contains("audit.jsonl"))
    #expect(files.contains("results.csv") && files.contains("results.json"))
    for (place, bytes) in places {
      #expect(!Self.contains(bytes, Self.unmaskable), "the token is in \(place)")
    }
    #expect(try String(contentsOfFile: history, encoding: .utf8).contains("Salesforce"))
  }

  @Test func aRefusedTokenIsNotEchoed() async throws {
    let shell = try ConnectedShell(verbose: true, simulatorToken: "00SomethingElseEntirely-0000000000000")
    defer { shell.stop() }
    #expect(await shell.run(["connect"]) == .failure)
    #expect(shell.output.standardError.contains("s.oktabulk:1: connect"))
    #expect(!shell.output.standardError.contains(Self.unmaskable))
    #expect(!shell.output.standardOutput.contains(Self.unmaskable))
  }

  static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
    let needle = Array(needle.utf8)
    guard haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains { start in
      haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle
    }
  }
}

/// Redaction runs on every message and history line, so it must survive any text.
@Suite struct RedactionTests {
  @Test func aNameWhoseLowercaseIsLongerDoesNotCrash() {
    // `İ` lowercases to two scalars; indices of the lowercased word once trapped on the original.
    #expect(Redaction.redact("set İİİİtoken=x") == "set İİİİtoken=[redacted]")
    #expect(Redaction.redact("İİİİİİİİ=1 İ=") == "İİİİİİİİ=1 İ=")
  }

  @Test func userInfoInAnyURLIsRedacted() {
    #expect(
      Redaction.redact("connect https://admin:hunter2@acme.okta.com")
        == "connect https://admin:[redacted]@acme.okta.com")
    #expect(
      Redaction.redact("connect https://00TokenAsUserName@acme.okta.com")
        == "connect https://[redacted]@acme.okta.com")
    #expect(Redaction.containsSecret("see http://user@127.0.0.1:8080 now"))
    #expect(!Redaction.containsSecret("load users@example.com.csv"))
    #expect(Redaction.redact("open https://acme.okta.com/a@b") == "open https://acme.okta.com/a@b")
  }
}

/// `connect` at a terminal without a configured token asks for it with echo off; scripts never do.
@MainActor @Suite(.serialized) struct TokenPromptTests {
  @Test func anInteractiveConnectAsksForTheTokenAndShowsItNowhere() async throws {
    let sim = try OktaSimulator(options: .init(seed: 1, apiToken: ConnectedShell.token, timeScale: 1_000))
    defer { sim.stop() }
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let output = CapturedOutput()
    var settings = SessionSettings()
    settings.journalPath = dir.path("j.db")
    let session = Session(
      settings: settings, output: output, isInteractive: true,
      environment: ["OKTA_CLIENT_ORGURL": sim.baseURL, "HOME": dir.url.path])
    session.interrupt = InterruptFlag()
    var prompts: [String] = []
    session.readSecret = { prompt in
      prompts.append(prompt)
      return ConnectedShell.token
    }
    try await LineExecutor(session: session).execute("connect")
    try await LineExecutor(session: session).execute("show config")
    session.closeMigration()
    #expect(prompts == ["API token for \(sim.baseURL): "])
    #expect(output.standardOutput.contains("connected to \(sim.baseURL)"))
    #expect(!(output.standardOutput + output.standardError).contains(SecretsTests.unmaskable))
  }

  @Test func aScriptWithoutATokenFailsWithoutAsking() async throws {
    let output = CapturedOutput()
    let session = Session(output: output, environment: ["OKTA_CLIENT_ORGURL": "https://acme.okta.com"])
    session.interrupt = InterruptFlag()
    session.readSecret = { _ in
      Issue.record("a script was asked for a token")
      return nil
    }
    var lines = ["connect"][...]
    let status = await ScriptRunner(session: session).run(source: "s.oktabulk") { lines.popFirst() }
    #expect(status == .failure)
    #expect(output.standardError.contains("s.oktabulk:1: connect:"))
    #expect(output.standardError.contains("no API token"))
  }
}

/// No way to put a credential on a command line, where history, `ps` and scripts would keep it.
@Suite struct NoSecretArgumentsTests {
  @Test func noCommandOrLaunchOptionTakesACredential() {
    var specs: [CommandSpec] = [LaunchOptions.spec]
    for command in CommandRegistry.standard.commands { specs.append(command.spec) }
    let words = ["token", "secret", "password", "passwd", "apikey", "api-key", "privatekey", "private-key"]
    var offenders: [String] = []
    for spec in specs {
      for name in spec.flags.map(\.name) + spec.arguments.map(\.name)
      where words.contains(where: { name.lowercased().contains($0) }) {
        offenders.append("\(spec.name) \(name)")
      }
    }
    #expect(specs.count > 10)
    #expect(offenders.isEmpty)
  }
}
