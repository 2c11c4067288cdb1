import Testing

@testable import Shell

@MainActor @Suite struct LaunchTests {
  @Test func optionsBecomeSettingsAndSteps() throws {
    let options = try LaunchOptions(arguments: [
      "--org", "https://acme.okta.com", "-f", "a.oktabulk", "-c", "status", "--on-error", "continue",
      "--output", "json", "--echo", "--journal", "m.db", "--yes",
    ])
    #expect(options.settings.orgURL == "https://acme.okta.com")
    #expect(options.settings.onError == .continue)
    #expect(options.settings.output == .json)
    #expect(options.settings.echo && options.settings.assumeYes)
    #expect(options.settings.journalPath == "m.db")
    #expect(options.steps == [.file("a.oktabulk"), .command("status")])
  }

  @Test func badLaunchOptionsExitTwo() async {
    let output = CapturedOutput()
    let status = await Oktabulk.main(
      arguments: ["--output", "xml"], environment: [:], demo: nil, output: output)
    #expect(status == .usage)
    #expect(output.standardError.hasPrefix("oktabulk: --output must be one of table, json, got 'xml'"))
  }

  @Test func commandsRunInOrderAndStopAtTheFirstFailure() async {
    let output = CapturedOutput()
    let status = await Oktabulk.main(
      arguments: ["-c", "set a 1", "-c", "set a", "-c", "submit", "-c", "set a"], environment: [:], demo: nil,
      output: output)
    #expect(status == .failure)
    #expect(output.standardOutput == "1\n")
    #expect(
      output.standardError
        == "submit: no resource selected; run `connect [URL]`, then `use <resource>` first\n")
  }

  @Test func helpAndVersionExitZero() async {
    let output = CapturedOutput()
    #expect(
      await Oktabulk.main(arguments: ["--help"], environment: [:], demo: nil, output: output) == .success)
    #expect(output.standardOutput.hasPrefix("usage: oktabulk [--org URL]"))
    #expect(
      await Oktabulk.main(arguments: ["--version"], environment: [:], demo: nil, output: output) == .success)
  }

  @Test func demoStartsTheInjectedOrgAndStopsIt() async {
    let output = CapturedOutput()
    let stopped = StopFlag()
    let launcher: DemoLauncher = {
      DemoOrg(
        orgURL: "http://127.0.0.1:9", token: "demo-token", walkThrough: "try: help",
        variables: ["roster": "/tmp/r.csv"], stop: { stopped.raise() })
    }
    let status = await Oktabulk.main(
      arguments: ["--demo", "-c", "show config", "-c", "set roster"], environment: [:], demo: launcher,
      output: output)
    #expect(status == .success)
    #expect(output.standardOutput.contains("org:      http://127.0.0.1:9"))
    #expect(output.standardOutput.hasSuffix("/tmp/r.csv\n"))
    #expect(!output.standardOutput.contains("demo-token"))
    #expect(stopped.isRaised)
  }

  @Test func demoWithoutASimulatorSaysSoAndCarriesOn() async {
    let output = CapturedOutput()
    let status = await Oktabulk.main(
      arguments: ["--demo", "-c", "set a 1"], environment: [:], demo: nil, output: output)
    #expect(status == .success)
    #expect(output.standardError.contains("demo: the simulated org is not part of this build yet"))
  }
}

typealias StopFlag = InterruptFlag
