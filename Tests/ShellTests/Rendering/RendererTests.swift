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
}
