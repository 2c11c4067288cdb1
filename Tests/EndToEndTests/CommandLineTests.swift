import Foundation
import Testing

/// The built binary run the way scripts and CI run it, compared with the files in `Expected/`.
@Suite struct CommandLineTests {
  /// Runs oktabulk in `Fixtures/` with a fixed HOME, and compares stdout, stderr and the exit status
  /// with `Expected/<name>.txt`. `OKTABULK_RECORD=1` rewrites the expected file instead.
  func check(_ name: String, _ arguments: [String], input: String? = nil) throws {
    let run = try ProcessRun.run(
      BuiltProducts.oktabulk, arguments, input: input, directory: BuiltProducts.fixtures,
      environment: ["HOME": "/home/tester", "OKTABULK_HISTORY": ""])
    let file = BuiltProducts.expected.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["OKTABULK_RECORD"] == "1" {
      try run.transcript.write(to: file, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(run.transcript == expected, "oktabulk \(arguments.joined(separator: " "))")
  }

  @Test func scriptWithCommentsQuotesAndVariables() throws {
    try check("quoting", ["-f", "quoting.oktabulk"])
  }

  @Test func scriptStopsAtTheFirstFailingLine() throws {
    try check("stops-on-error", ["-f", "stops-on-error.oktabulk"])
  }

  @Test func onErrorContinueRunsTheRestAndExitsOne() throws {
    try check("stops-on-error-continue", ["--on-error", "continue", "-f", "stops-on-error.oktabulk"])
  }

  @Test func usageErrorInAScriptExitsTwo() throws {
    try check("usage-error", ["-f", "usage-error.oktabulk"])
  }

  @Test func syntaxErrorNamesFileLineAndColumn() throws {
    try check("syntax-error", ["-f", "syntax-error.oktabulk"])
  }

  @Test func sourcedScriptsReportTheirOwnLines() throws {
    try check("nested", ["-f", "nested.oktabulk"])
  }

  @Test func repeatedDashCRunsInOrder() throws {
    try check("dash-c", ["-c", "set a 1", "-c", "set b \"$a and 2\"", "-c", "set b"])
  }

  @Test func dashFDashReadsTheScriptFromStdin() throws {
    try check("dash-f-stdin", ["-f", "-"], input: "set a piped\nset a\nstatus\nset a\n")
  }

  @Test func pipedStdinRunsWithoutPromptOrBanner() throws {
    try check("piped-stdin", [], input: "# from a pipe\nset a 1\nset a\nhelp set\n")
  }

  @Test func echoPrintsScriptLines() throws {
    try check("echo", ["--echo", "-c", "set a 1", "-c", "set a"])
  }

  @Test func migrationCommandsBeforeConnectNameTheMissingStep() throws {
    try check(
      "before-connect", ["--on-error", "continue", "-f", "-"],
      input: """
        connect https://acme.okta.com
        use Salesforce
        load roster.csv --entry cen1a2b3c4d5e6f7g8h9
        show conditions
        clone-condition "Standard access" --auto-approve --keep-originals --dry-run
        submit --concurrency 5 --wait 10 --dry-run --limit 10 --background
        status --refresh --stuck --user ada@example.com
        retry --failed --stuck
        restore --dry-run
        export results.csv --audit

        """)
  }

  @Test func badLaunchFlagExitsTwo() throws {
    try check("bad-flag", ["--concurrency", "5"])
  }

  @Test func missingScriptFileExitsOne() throws {
    try check("missing-file", ["-f", "no-such.oktabulk"])
  }

  @Test func showConfigAsJSON() throws {
    try check(
      "show-config-json", ["--output", "json", "--org", "https://acme.okta.com", "-c", "show config"])
  }

  @Test func demoRunsAgainstAnInProcessSimulator() throws {
    let run = try ProcessRun.run(BuiltProducts.oktabulk, ["--demo", "-c", "show config"])
    #expect(run.status == 0)
    #expect(run.standardOutput.hasPrefix("org:      http://127.0.0.1:"))
    #expect(run.standardOutput.contains("token:    set (OKTA_CLIENT_TOKEN)"))
  }

  @Test func ctrlCWhileAScriptWaitsForInputExits130() throws {
    let child = try ChildProcess(BuiltProducts.oktabulk, ["-f", "-"])
    child.send("set a ready\nset a\n")
    try #require(child.waitForOutput("ready\n"))
    kill(child.pid, SIGINT)
    let run = child.waitForExit()
    #expect(run.status == 130)
    #expect(run.standardError == "stdin:3: interrupted\n")
  }
}
