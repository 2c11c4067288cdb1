import Foundation
import OktaAPI
import Synchronization

@testable import Migration

/// Wraps the in-memory org and scripts what each create call meets: a failure before the org acts, or after
/// it created the request (the answer lost). Records when each create call came, on the test clock.
final class ScriptedGateway: RequestGateway {
  enum Step: Sendable {
    /// The org never saw the request.
    case failBefore(OrgFailure)
    /// The org created the request, then the caller got this failure instead of the 202.
    case failAfter(OrgFailure)
  }

  let org: FakeRequestGateway
  private let state = Mutex<(script: [Int: Step], calls: [Date], timeline: [(label: String, at: Date)])>(
    ([:], [], []))

  init(org: FakeRequestGateway) { self.org = org }

  /// Steps by 1-based create call number; unscripted calls succeed.
  func script(_ steps: [Int: Step]) { state.withLock { $0.script = steps } }

  /// Times of the create calls, in order.
  var createTimes: [Date] { state.withLock { $0.calls } }

  /// Create calls ("create") and whatever the test marks, in the order they happened, with clock times.
  var timeline: [(label: String, at: Date)] { state.withLock { $0.timeline } }

  /// Puts a label on the timeline (e.g. when the engine announces a slow-down).
  func mark(_ label: String) { state.withLock { $0.timeline.append((label, org.clock.now)) } }

  func createRequest(_ draft: RequestDraft) async throws(OrgFailure) -> CreatedRequest {
    let step: Step? = state.withLock { state in
      state.calls.append(org.clock.now)
      state.timeline.append(("create", org.clock.now))
      return state.script[state.calls.count]
    }
    switch step {
    case .failBefore(let failure):
      throw failure
    case .failAfter(let failure):
      _ = try await org.createRequest(draft)
      throw failure
    case nil:
      return try await org.createRequest(draft)
    }
  }

  func request(id: String) async throws(OrgFailure) -> ObservedRequest { try await org.request(id: id) }

  func requests(matching query: RequestQuery) async throws(OrgFailure) -> [ObservedRequest] {
    try await org.requests(matching: query)
  }
}
