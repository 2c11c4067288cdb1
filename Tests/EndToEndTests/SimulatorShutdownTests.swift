import Foundation
import Testing

/// `oktasim` stopped with SIGTERM saves its state file and exits 0, so a restart continues the same org
/// (scripts/crash-test restarts it mid-migration).
@Suite struct SimulatorShutdownTests {
  @Test func sigtermSavesTheStateFileAndExitsCleanly() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "oktabulk-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let state = directory.appendingPathComponent("sim.json").path
    let sim = try SimulatorProcess(timeScale: 0, extra: ["--state", state, "--users", "40"])
    defer { sim.stop() }
    sim.stop()  // SIGTERM
    #expect(sim.process.terminationReason == .exit && sim.process.terminationStatus == 0)
    let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: state)))
    #expect((saved as? [String: Any])?["users"] != nil)

    // The restarted simulator serves the saved org.
    let again = try SimulatorProcess(timeScale: 0, extra: ["--state", state])
    defer { again.stop() }
    let users = try await again.control("state")["users"] as? [[String: Any]] ?? []
    #expect(users.count == 41)
  }
}
