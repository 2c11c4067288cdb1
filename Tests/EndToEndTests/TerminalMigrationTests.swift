import Foundation
import OktaSim
import Testing

/// The migration typed step by step into the interactive shell in tmux, reading the prompt and `status`
/// between steps, as an operator would.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable)) struct TerminalMigrationTests {
  @Test func stepByStepAtThePrompt() async throws {
    let sim = try SimulatorProcess(timeScale: 100)
    defer { sim.stop() }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write(OktaSimulator.demoRoster(seed: 1).csv, to: "roster.csv")
    let tmux = try TmuxSession(
      [BuiltProducts.oktabulk, "--journal", "j.db"], directory: directory.path,
      environment: [
        "HOME": directory.path, "OKTA_CLIENT_ORGURL": sim.url, "OKTA_CLIENT_TOKEN": sim.token,
        "OKTABULK_TIME_SCALE": "100",
      ])
    defer { tmux.kill() }
    let host = String(sim.url.dropFirst("http://".count))

    func step(_ line: String, then text: String, deadline: Duration = .seconds(20)) throws {
      try tmux.type(line)
      try tmux.send("Enter")
      try tmux.expect(text, deadline: deadline)
    }
    try tmux.waitForPrompt(1)
    try step("connect", then: "\(host)> ")
    try step("use Salesforce", then: "\(host)/Salesforce> ")
    try step("clone-condition \"Everyone - manager approval\" --auto-approve", then: "[cloned]> ")
    try step("load roster.csv", then: "[loaded]> ")
    #expect(try tmux.screen().contains("290 rows ready, 10 rejected"))
    try step("status", then: "resolved")
    #expect(try tmux.screen().contains(#/resolved\s+290/#))
    try step("submit", then: "[submitted]> ", deadline: .seconds(60))
    try step("status", then: "granted")
    #expect(try tmux.screen().contains(#/granted\s+290\s*\n\s*invalid\s+10/#))
    try step("restore", then: "[restored]> ")
    try step("exit", then: "[exit 0]")

    let counts = try await sim.control("request-counts")
    #expect(counts["requests"] as? Int == 290 && counts["duplicates"] as? Int == 0)
  }

  @Test func anActiveTemporaryConditionIsAnnouncedAtExitAndAtTheNextStart() async throws {
    let sim = try SimulatorProcess(timeScale: 100)
    defer { sim.stop() }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let environment = [
      "HOME": directory.path, "OKTA_CLIENT_ORGURL": sim.url, "OKTA_CLIENT_TOKEN": sim.token,
      "OKTABULK_TIME_SCALE": "100",
    ]
    let first = try TmuxSession(
      [BuiltProducts.oktabulk, "--journal", "j.db"], directory: directory.path, environment: environment)
    defer { first.kill() }
    try first.waitForPrompt(1)
    for line in [
      "connect", "use Salesforce", "clone-condition \"Everyone - manager approval\" --auto-approve",
    ] {
      try first.type(line)
      try first.send("Enter")
    }
    try first.expect("[cloned]> ")
    try first.type("exit")
    try first.send("Enter")
    try first.expect("[exit 0]")
    #expect(try first.screen().contains("is still ACTIVE on Salesforce"))

    let second = try TmuxSession(
      [BuiltProducts.oktabulk, "--journal", "j.db"], directory: directory.path, environment: environment)
    defer { second.kill() }
    try second.expect("/Salesforce> ")
    let screen = try second.screen()
    #expect(screen.contains("the migration of") && screen.contains("is still ACTIVE on Salesforce"))
  }
}
