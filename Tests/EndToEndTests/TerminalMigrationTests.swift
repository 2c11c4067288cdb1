import Foundation
import OktaSim
import Testing

/// The migration typed step by step into the interactive shell in tmux, reading the prompt and `status`
/// between steps, as an operator would.
@Suite(.serialized, .enabled(if: Tmux.isAvailable)) struct TerminalMigrationTests {
  @Test func stepByStepAtThePrompt() async throws {
    let sim = try SimulatorProcess(timeScale: 100)
    defer { sim.stop() }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "oktabulk-tmux-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(OktaSimulator.demoRoster(seed: 1).csv.utf8).write(
      to: directory.appendingPathComponent("roster.csv"))

    let tmux = try Tmux(
      command: [BuiltProducts.url("oktabulk").path, "--journal", "j.db"], directory: directory,
      environment: [
        "HOME": directory.path, "OKTA_CLIENT_ORGURL": sim.url, "OKTA_CLIENT_TOKEN": sim.token,
        "OKTABULK_TIME_SCALE": "100",
      ])
    defer { tmux.kill() }
    let host = String(sim.url.dropFirst("http://".count))

    try tmux.waitFor("oktabulk> ")
    try tmux.type("connect")
    try tmux.waitFor("\(host)> ")
    try tmux.type("use Salesforce")
    try tmux.waitFor("\(host)/Salesforce> ")
    try tmux.type("clone-condition \"Everyone - manager approval\" --auto-approve")
    try tmux.waitFor("\(host)/Salesforce [cloned]> ")
    try tmux.type("load roster.csv")
    try tmux.waitFor("[loaded]> ")
    #expect(try tmux.screen().contains("290 rows ready, 10 rejected"))
    try tmux.type("status")
    try tmux.waitFor(#/resolved\s+290/#)
    try tmux.type("submit")
    try tmux.waitFor("[submitted]> ", timeout: 60)
    try tmux.type("status")
    try tmux.waitFor(#/granted\s+290\s+invalid\s+10/#)
    try tmux.type("restore")
    try tmux.waitFor("[restored]> ")
    try tmux.type("exit")
    try tmux.waitForExit()

    let counts = try await sim.control("request-counts")
    #expect(counts["requests"] as? Int == 290 && counts["duplicates"] as? Int == 0)
  }
}
