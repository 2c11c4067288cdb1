import Foundation
import OktaSim
import TestSupport

@testable import Shell

/// A shell session against an in-process simulator whose API token is known, with a journal in a fresh
/// directory and everything written to stdout and stderr captured.
@MainActor
final class ConnectedShell {
  /// Shaped like an Okta API token; long enough that `Secret.masked` shows its last 4 characters.
  static let token = "00Hostile-Kn0wn-T0ken-7f3a9c2e1b5d8a4f6e0cZZZZ"

  let sim: OktaSimulator
  let dir: TemporaryDirectory
  let output = CapturedOutput()
  let session: Session

  /// `simulatorToken`: the token the org expects, when a test wants the shell's to be refused.
  init(verbose: Bool = false, simulatorToken: String = ConnectedShell.token) throws {
    sim = try OktaSimulator(options: .init(seed: 1, apiToken: simulatorToken, timeScale: 1_000))
    dir = try TemporaryDirectory()
    var settings = SessionSettings()
    settings.journalPath = dir.path("journal.db")
    settings.verbose = verbose
    settings.assumeYes = true
    session = Session(
      settings: settings, output: output,
      environment: Self.environment(orgURL: sim.baseURL, home: dir.url.path))
    session.interrupt = InterruptFlag()
  }

  /// What `oktabulk` needs to find the org: URL, token, the simulator's time scale.
  static func environment(orgURL: String, home: String) -> [String: String] {
    ["OKTA_CLIENT_ORGURL": orgURL, "OKTA_CLIENT_TOKEN": token, "OKTABULK_TIME_SCALE": "1000", "HOME": home]
  }

  /// Runs `lines` as the script `name`; answers the status.
  @discardableResult
  func run(_ lines: [String], name: String = "s.oktabulk") async -> Shell.ExitStatus {
    var pending = lines[...]
    return await ScriptRunner(session: session).run(source: name) { pending.popFirst() }
  }

  func stop() {
    session.closeMigration()
    sim.stop()
    dir.cleanup()
  }
}
