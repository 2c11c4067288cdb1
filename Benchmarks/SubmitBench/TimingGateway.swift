import Foundation
import Migration
import Synchronization

/// Passes calls through to the org and keeps the real round-trip time of each create.
final class TimingGateway: RequestGateway {
  let base: any RequestGateway
  private let latencies = Mutex<[Double]>([])

  init(_ base: any RequestGateway) { self.base = base }

  var meanLatency: Double {
    latencies.withLock { $0.isEmpty ? 0 : $0.reduce(0, +) / Double($0.count) }
  }

  func createRequest(_ draft: RequestDraft) async throws(OrgFailure) -> CreatedRequest {
    let start = ContinuousClock.now
    defer {
      let elapsed = ContinuousClock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      latencies.withLock { $0.append(seconds) }
    }
    return try await base.createRequest(draft)
  }

  func request(id: String) async throws(OrgFailure) -> ObservedRequest { try await base.request(id: id) }

  func requests(matching query: RequestQuery) async throws(OrgFailure) -> [ObservedRequest] {
    try await base.requests(matching: query)
  }
}
