import Foundation
import Testing

@testable import Migration
@testable import Shell

/// What a running submission tells its user about trouble: the pool slowing down, an outage paused and
/// resumed by itself, and a 401/403 stop that names the fix and how to resume.
@MainActor @Suite struct SubmissionNoticesTests {
  @Test func slowDownOutageAndRecoveryAreSaidAsTheyHappen() {
    let shell = TestShell()
    let say = SubmissionDriver.eventPrinter(label: "submit", in: shell.session)
    say(.pressure(.slowingDown(seconds: 30, reason: "rate limited (429)")))
    say(.pressure(.outage(since: Date(), reason: "org unreachable: connection refused")))
    say(.pressure(.recovered(after: 150)))
    let lines = shell.stderr.split(separator: "\n").map {
      $0.replacingOccurrences(of: "\r\u{1B}[K", with: "")
    }
    #expect(
      lines == [
        "submit: rate limited (429); all workers pause 30s",
        "submit: the org keeps failing (org unreachable: connection refused); paused, resuming by itself when it answers again",
        "submit: the org answers again after 2m30s; resumed",
      ])
  }

  @Test(arguments: [
    (OrgFailure.unauthorized(status: 401, summary: "Invalid token provided"), "OKTA_CLIENT_TOKEN"),
    (
      OrgFailure.unauthorized(status: 403, summary: "You do not have permission"),
      "Access Requests Admin role"
    ),
  ])
  func aRevokedTokenOrRoleEndsTheCommandWithTheFix(failure: OrgFailure, fix: String) throws {
    let shell = TestShell()
    let outcome = SubmissionOutcome(
      ending: .halted("\(failure.description); \(failure.fix ?? "")"), submitted: 12, adopted: 0, failed: 0,
      remaining: 488)
    #expect {
      try SubmissionDriver.conclude(outcome, label: "submit", in: shell.session)
    } throws: { error in
      let text = "\(error)"
      return text.contains(failure.description) && text.contains(fix) && text.contains("`submit` to resume")
    }
  }
}
