import Testing

@testable import Shell

/// What a command's failure reads as and which exit status it gets, through `Session.fail` and the one
/// error map.
@Suite @MainActor struct CommandFailureTests {
  struct OrgDown: Error, CustomStringConvertible {
    var description: String { "the org answered 503 (SSWS 00abcdefghijklmnopqrstuvwxyz0123456789ABCD)" }
  }

  @Test func ctrlCDuringACommandStaysAnInterruptionWithStatus130() {
    let session = Session(output: CapturedOutput(), isInteractive: false)
    let presented = ErrorPresenter.present(session.fail("submit", CancellationError()))
    #expect(presented.status == .interrupted)
    #expect(presented.message == "interrupted")
  }

  @Test func anyOtherFailureNamesTheCommandExitsOneAndHidesSecrets() throws {
    let session = Session(output: CapturedOutput(), isInteractive: false)
    let presented = ErrorPresenter.present(session.fail("status", OrgDown()))
    #expect(presented.status == .failure)
    let message = try #require(presented.message)
    #expect(message.hasPrefix("status: the org answered 503"))
    #expect(!message.contains("00abcdefghijklmnopqrstuvwxyz0123456789ABCD"))
  }
}
