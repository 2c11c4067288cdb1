import Foundation
import Testing

@testable import OktaSim

#if canImport(Glibc)
  import Glibc
#endif

/// The shell killed with SIGKILL at seeded random points of a submission and resumed each time: every
/// row still gets exactly one request, and the journal agrees with the org. Short by default;
/// `scripts/crash-test` runs it with more kill points (`OKTABULK_CRASH_KILLS`, `OKTABULK_CRASH_SEED`).
@Suite(.serialized) struct CrashResumeTests {
  @Test func killedAtRandomPointsEachRowIsStillSentOnce() async throws {
    let environmentValues = ProcessInfo.processInfo.environment
    let kills = environmentValues["OKTABULK_CRASH_KILLS"].flatMap(Int.init) ?? 4
    let seed = environmentValues["OKTABULK_CRASH_SEED"].flatMap(UInt64.init) ?? 7
    let rig = try MigrationRig(stateFile: true)
    defer { rig.stop() }
    let sim = rig.sim
    let directory = rig.directory
    let setup = try rig.oktabulk(MigrationRig.preparation)
    try #require(setup.status == 0, "\(setup.standardError)")

    var random = SeededRandom(seed: seed)
    var points: [Int] = []
    for _ in 0..<kills {
      let child = try rig.start(["connect", "submit --wait 10"])
      let milliseconds = Int.random(in: 150...900, using: &random)
      points.append(milliseconds)
      try await Task.sleep(for: .milliseconds(milliseconds))
      kill(child.pid, SIGKILL)
      _ = child.finish()
    }
    let final = try rig.oktabulk(["connect", "submit --wait 10", "status --refresh", "export rows.json"])
    #expect(final.status == 0, "\(final.standardError)")

    let counts = try await sim.control("request-counts")
    let rows =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: directory.url.appendingPathComponent("rows.json")))
      as? [[String: Any]] ?? []
    let journalIDs = Set(rows.compactMap { $0["requestId"] as? String })
    let simIDs = Set(
      (try await sim.control("state")["requests"] as? [[String: Any]] ?? []).compactMap {
        $0["id"] as? String
      })
    let lost = rows.filter { $0["state"] as? String != "invalid" && $0["requestId"] == nil }.count
    let adopted = rows.filter { $0["reconciliation"] as? String == "adopted" }.count
    let resent = rows.filter { $0["reconciliation"] as? String == "resent" }.count
    print(
      "crash-test: seed \(seed), \(kills) SIGKILLs after \(points.map { "\($0) ms" }.joined(separator: ", ")); "
        + "requests \(counts["requests"] ?? "?"), duplicates \(counts["duplicates"] ?? "?"), lost \(lost), "
        + "in doubt after a kill: \(adopted) adopted, \(resent) re-sent; "
        + "journal = org: \(journalIDs == simIDs)")
    #expect(counts["duplicates"] as? Int == 0)
    #expect(counts["pairs"] as? Int == 290 && counts["requests"] as? Int == 290)
    #expect(lost == 0)
    #expect(journalIDs == simIDs)
  }
}
