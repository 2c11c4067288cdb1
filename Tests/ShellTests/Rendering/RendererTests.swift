import Testing

@testable import Shell

@Suite struct RendererTests {
  let table = Table(
    columns: ["user", "state", "attempts"],
    rows: [["ada@example.com", "granted", 1], ["bob@example.com", "stuck", 12], ["cy", .empty, .empty]])

  @Test func tableAlignsColumnsAndRightAlignsNumbers() {
    let text = Renderer(mode: .table).render(table)
    #expect(
      text == """
        user             state    attempts
        ---------------  -------  --------
        ada@example.com  granted         1
        bob@example.com  stuck          12
        cy

        """)
  }

  @Test func emptyTableSaysSo() {
    #expect(Renderer(mode: .table).render(Table(columns: ["a"])) == "(no rows)\n")
  }

  @Test func jsonKeepsColumnOrderTypesAndNulls() {
    let text = Renderer(mode: .json).render(table)
    #expect(text.hasPrefix(#"[{"user":"ada@example.com","state":"granted","attempts":1},"#))
    #expect(text.contains(#"{"user":"cy","state":null,"attempts":null}]"#))
  }

  @Test func jsonEscapesText() {
    let record = Record([("note", .text("a \"quote\"\n\u{1}")), ("ok", .flag(true)), ("wait", .decimal(2.5))])
    #expect(
      Renderer(mode: .json).render(record) == #"{"note":"a \"quote\"\n\u0001","ok":true,"wait":2.5}"# + "\n")
  }

  @Test func recordAlignsValues() {
    let record = Record([("org", "https://acme.okta.com"), ("on-error", "stop"), ("token", .empty)])
    #expect(
      Renderer(mode: .table).render(record) == "org:      https://acme.okta.com\non-error: stop\ntoken:\n")
  }

  @Test func progressLineCountsAndEstimates() {
    var progress = ProgressLine(label: "submit", total: 400)
    progress.done = 100
    progress.failed = 2
    #expect(progress.text(elapsed: 1000) == "submit: 100/400 (25%) 2 failed, eta 50m00s")
    #expect(progress.isDue(every: 50))
    progress.done = 101
    #expect(!progress.isDue(every: 50))
    progress.done = 400
    #expect(progress.text(elapsed: 5) == "submit: 400/400 (100%) 2 failed")
  }

  @MainActor @Test func progressIsPlainAndPeriodicOffATerminal() {
    let output = CapturedOutput()
    let session = Session(output: output, isInteractive: false)
    var progress = ProgressLine(label: "submit", total: 250)
    for done in 1...250 {
      progress.done = done
      session.progress(progress, every: 100)
    }
    #expect(output.standardError == "submit: 100/250 (40%)\nsubmit: 200/250 (80%)\nsubmit: 250/250 (100%)\n")
  }

  @MainActor @Test func progressRewritesOneLineAtATerminal() {
    let output = CapturedOutput()
    let session = Session(output: output, isInteractive: true)
    var progress = ProgressLine(label: "submit", total: 2)
    progress.done = 1
    session.progress(progress)
    progress.done = 2
    session.progress(progress)
    #expect(output.standardError == "\r\u{1B}[Ksubmit: 1/2 (50%)\r\u{1B}[Ksubmit: 2/2 (100%)\n")
  }
}
