import Foundation
import OktaAPI
import Synchronization

@testable import Migration

/// An in-memory org for engine tests: creates requests, lists them, and injects the faults a migration meets.
final class FakeRequestGateway: RequestGateway {
  enum Fault: Equatable {
    case rateLimited
    /// A 503 before the request was accepted.
    case unavailable
    /// The request is created but the answer is lost.
    case acceptedThenDropped
    case unauthorized
    case rejected
  }

  struct State {
    var requests: [ObservedRequest] = []
    var createCalls = 0
    var listCalls = 0
    var getCalls = 0
    var faults: [Int: Fault] = [:]
    var listFaults: [Int: Fault] = [:]
    var approvalConditionID: String? = "rcoTEMPORARY00000001"
    var autoApprove = true
  }

  let state = Mutex(State())
  let clock: any OktaClock
  let resourceID = "0oa1234567890abcdefg"

  init(clock: any OktaClock) { self.clock = clock }

  /// Faults by 1-based create call number.
  func inject(_ faults: [Int: Fault]) { state.withLock { $0.faults = faults } }

  var requests: [ObservedRequest] { state.withLock { $0.requests } }
  var createCalls: Int { state.withLock { $0.createCalls } }

  /// Requests per (user, entry): exactly-once means every value is 1.
  var requestsPerPair: [String: Int] {
    Dictionary(grouping: requests, by: { "\($0.userID)|\($0.entryID ?? "")" }).mapValues(\.count)
  }

  func seed(_ request: ObservedRequest) { state.withLock { $0.requests.append(request) } }

  func createRequest(_ draft: RequestDraft) async throws(OrgFailure) -> CreatedRequest {
    let now = clock.now
    let result: Result<CreatedRequest, OrgFailure> = state.withLock { state in
      state.createCalls += 1
      let fault = state.faults[state.createCalls]
      switch fault {
      case .rateLimited: return .failure(.rateLimited(retryAfter: 3))
      case .unavailable: return .failure(.serverError(status: 503, summary: "Service Unavailable"))
      case .unauthorized: return .failure(.unauthorized(status: 401, summary: "Invalid token provided"))
      case .rejected:
        return .failure(.rejected(status: 400, code: "E0000001", summary: "Api validation failed"))
      case .acceptedThenDropped, nil: break
      }
      let request = ObservedRequest(
        id: String(format: "req%017d", state.requests.count + 1), userID: draft.userID,
        entryID: draft.entryID,
        resourceID: resourceID, status: state.autoApprove ? "APPROVED" : "PENDING",
        grantStatus: state.autoApprove ? "GRANTED" : nil,
        approvalConditionID: state.approvalConditionID, created: now)
      state.requests.append(request)
      if fault == .acceptedThenDropped { return .failure(.noAnswer("connection reset by peer")) }
      let accepted = ObservedRequest(
        id: request.id, userID: request.userID, entryID: request.entryID, status: "SUBMITTED", created: now)
      return .success(CreatedRequest(request: accepted, oktaRequestID: "okta-\(state.createCalls)"))
    }
    return try result.get()
  }

  func request(id: String) async throws(OrgFailure) -> ObservedRequest {
    let found = state.withLock { state in
      state.getCalls += 1
      return state.requests.first { $0.id == id }
    }
    guard let found else { throw .rejected(status: 404, code: "E0000007", summary: "Not found: \(id)") }
    return found
  }

  func requests(matching query: RequestQuery) async throws(OrgFailure) -> [ObservedRequest] {
    let result: Result<[ObservedRequest], OrgFailure> = state.withLock { state in
      state.listCalls += 1
      if state.listFaults[state.listCalls] == .rateLimited { return .failure(.rateLimited(retryAfter: 2)) }
      return .success(
        state.requests.filter {
          $0.resourceID == query.resourceID && (query.userID == nil || $0.userID == query.userID)
            && (query.updatedAfter == nil || $0.lastUpdated > query.updatedAfter!)
        })
    }
    return try result.get()
  }
}
