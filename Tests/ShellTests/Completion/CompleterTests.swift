import Testing

@testable import Shell

@Suite struct CompleterTests {
  let completer = Completer(registry: .standard) { directory in
    switch directory {
    case ".": [("roster-users.csv", false), ("roster-admins.csv", false), ("runs", true), (".hidden", false)]
    case "runs/": [("monday.oktabulk", false)]
    default: []
    }
  }

  @Test func commandNamesComplete() {
    #expect(completer.complete("hel").insertion == "p ")
    #expect(completer.complete("cl").insertion == "one-condition ")
    #expect(completer.complete("qu").insertion == "it ")
  }

  @Test func ambiguousCommandListsCandidates() {
    let completion = completer.complete("s")
    #expect(completion.insertion == "")
    #expect(completion.candidates == ["set", "show", "source", "status", "submit"])
  }

  @Test func subcommandsComplete() {
    #expect(completer.complete("show c").candidates == ["conditions", "changes", "config"])
    #expect(completer.complete("show co").insertion == "n")
    #expect(completer.complete("show ch").insertion == "anges ")
    #expect(completer.complete("show r").insertion == "oster ")
  }

  @Test func flagsOfTheCommandComplete() {
    #expect(completer.complete("submit --con").insertion == "currency ")
    #expect(completer.complete("submit --d").insertion == "ry-run ")
    #expect(completer.complete("status --s").insertion == "tuck ")
  }

  @Test func flagsAlreadyGivenAreNotOfferedAgain() {
    #expect(completer.complete("retry --failed --").candidates == ["--help", "--stuck"])
  }

  @Test func choiceValuesComplete() {
    #expect(completer.complete("export out.csv --format j").insertion == "son ")
  }

  @Test func filePathsCompleteForLoadSourceAndExport() {
    #expect(completer.complete("load roster-u").insertion == "sers.csv ")
    #expect(completer.complete("load ro").insertion == "ster-")
    #expect(completer.complete("source ru").insertion == "ns/")
    #expect(completer.complete("source runs/mo").insertion == "nday.oktabulk ")
    #expect(completer.complete("export r").candidates.count == 3)
  }

  @Test func hiddenFilesOnlyWhenAsked() {
    #expect(completer.complete("load ").candidates.contains(".hidden") == false)
    #expect(completer.complete("load .h").insertion == "idden ")
  }

  @Test func setSuggestsItsSettings() {
    #expect(completer.complete("set ou").insertion == "tput ")
    #expect(completer.complete("set o").candidates == ["on-error", "output"])
  }

  @Test func helpCompletesCommandNames() {
    #expect(completer.complete("help sub").insertion == "mit ")
  }

  @Test func nothingToCompleteForTextArguments() {
    #expect(completer.complete("use Sal").choices.isEmpty)
    #expect(completer.complete("nosuch x").choices.isEmpty)
  }
}

@Suite struct CompletionCycleTests {
  let completer = Completer(registry: .standard) { _ in [] }

  @Test func ambiguousWordInsertsTheFirstChoiceAndListsAll() {
    var cycle = CompletionCycle()
    let action = cycle.tab("show c", complete: completer.complete)
    #expect(action == .init(insert: "onditions ", list: ["conditions", "changes", "config"]))
  }

  @Test func furtherTabsCycleThroughTheChoices() {
    var cycle = CompletionCycle()
    _ = cycle.tab("show c", complete: completer.complete)
    #expect(
      cycle.tab("show conditions ", complete: completer.complete) == .init(delete: 10, insert: "hanges "))
    #expect(cycle.tab("show changes ", complete: completer.complete) == .init(delete: 7, insert: "onfig "))
    #expect(cycle.tab("show config ", complete: completer.complete) == .init(delete: 6, insert: "onditions "))
  }

  @Test func typingSomethingElseEndsTheCycle() {
    var cycle = CompletionCycle()
    _ = cycle.tab("show c", complete: completer.complete)
    #expect(cycle.tab("show conditions --", complete: completer.complete).delete == 0)
  }

  @Test func uniqueMatchIsInsertedWithoutAList() {
    var cycle = CompletionCycle()
    #expect(cycle.tab("hel", complete: completer.complete) == .init(insert: "p "))
  }

  @Test func noMatchFails() {
    var cycle = CompletionCycle()
    #expect(cycle.tab("zzz", complete: completer.complete).failed)
  }
}
